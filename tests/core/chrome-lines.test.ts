import { describe, expect, it } from "vitest";
import { isChromeLine } from "../../src/core/chrome.ts";

describe("isChromeLine", () => {
  it.each([
    ["reading times", ["3 min read", "Reading time: 3 minutes", "Listen | 4 min"]],
    ["share buttons, alone or in a row", ["Tweet", "Copy link", "WhatsApp", "Share this:", "Facebook Twitter WhatsApp", "Share: Facebook | Twitter | WhatsApp", "Share this article: Facebook, X, Email"]],
    ["photo credits", ["Getty Images", "Photo by John Smith on Unsplash", "Image credit: Reuters", "AFP", "— Photo courtesy PVARA"]],
    ["prompts to join, follow or tip off the outlet", ["Join our WhatsApp channel for the latest updates", "Add Dawn as a preferred source on Google", "Have a tip? Email us at tips@example.com", "Get the best of our coverage delivered daily."]],
    ["prompts to click a link", ["Click here to read more on Balochistan", "Tap here to download the app", "Please click the link below to subscribe"]],
    ["disclaimers, editor's notes and where the story first ran", ["Disclaimer: This article is for informational purposes only and does not constitute financial advice.", "Editor's note: This story has been updated to include comments from PVARA.", "The views expressed in this article are the author's own.", "This story was originally published on CoinDesk."]],
    ["cookie prompts", ["We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.", "Accept all cookies"]],
    ["tags, topics and sources", ["Tags: Bitcoin, Pakistan, PVARA", "Filed under: Crypto, Pakistan", "Posted in Business", "Source: Reuters"]],
    ["breadcrumbs", ["Home > Business > Crypto", "Home / Technology"]],
    ["page links", ["Skip to content", "Sign in", "Back to top", "Next article", "Story continues below advertisement", "Advertisement - Scroll to continue", "Report an error", "Your browser does not support the audio element.", "This article is more than 1 year old", "Loading..."]],
    ["bylines with a label", ["Author: Kamran Yousaf", "Edited by: Sarah Khan", "Written by Ali Raza"]],
    ["relative and numeric timestamps", ["5 hours ago", "Updated: 2 hours ago", "December 5, 2025 | 10:22 AM", "2025-12-05", "05/12/2025"]],
    ["wire and agency footers", ["Reporting by Asif Shahzad; Editing by Kim Coghill", "Reporting by Ariba Shahid in Karachi and Asif Shahzad in Islamabad", "(Updates with minister's comment in fourth paragraph)", "— With assistance from Faseeh Mangi", "Most Read from Bloomberg", "To contact the reporter on this story: Faseeh Mangi in Karachi at fmangi@example.com", "Attention: Please do not copy this article without permission.", "This content may not be republished without permission."]],
    ["the site's own links and forms", ["Privacy Policy | Terms of Use | Contact Us", "About Us, Advertise, Careers", "We will send you breaking news right to your inbox", "Email address", "Load more", "Next Story >>", "Topics"]],
    ["links standing alone, icons' names, comment links and investment disclaimers", ["https://arab.news/abc12", "www.example.com/story", "X icon", "Read Comments", "This article does not contain investment advice or recommendations. Every investment and trading move involves risk, and readers should conduct their own research when making a decision."]],
    ["leads to other stories", ["READ: Pakistan names Saqib to head crypto council", "Read next: Pakistan names Saqib", "Watch: Bilal Bin Saqib on Pakistan's crypto plans", "More on this story", "Magazine: How Pakistan became a crypto powerhouse", "Opinion: The case for a rupee stablecoin"]],
  ])("is true for %s", (_kind, lines) => {
    for (const line of lines) expect(isChromeLine(line), line).toBe(true);
  });

  it("is false for article sentences that open like chrome", () => {
    const sentences = [
      "Reuters reported that the council met on Monday.",
      "Clicking through the app's menus takes minutes, users said.",
      "Read the full statement on the ministry's website, officials said.",
      "Latest figures show 40 million Pakistanis hold crypto.",
      "Sources said the plan was approved on Tuesday.",
      "Video footage showed the minister at the signing.",
      "Home to 240 million people, Pakistan has a young population.",
      "Save for a few exceptions, the rules apply to all exchanges.",
      "Tags on the bonds would be recorded on a blockchain.",
      "Join the sandbox by applying online, the authority said.",
      "The views of the IMF differ on mining tariffs.",
      "Photo identification will be required for every account.",
      "Latest: the council will meet again in January.",
      "Reporting by the Express Tribune showed that the council met twice.",
      "Terms of the agreement were not disclosed.",
      "The bank lent money without permission from the regulator, officials said.",
      "Exchanges may not copy customer data abroad, the rules say.",
      "Analysis by the IMF found that the tariff was too low.",
      "Photos of the signing were shared on X.",
      "Advice from the SECP does not constitute approval, the regulator said.",
    ];
    for (const sentence of sentences) expect(isChromeLine(sentence), sentence).toBe(false);
  });
});
