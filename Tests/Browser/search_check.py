"""Types a word into a built site's search page in headless Chromium and follows a result.

Usage: python3 search_check.py SITE_FOLDER WORD "EXPECTED TITLE"
Serves SITE_FOLDER over HTTP on a free port, opens /search/, types WORD key by key, waits
for EXPECTED TITLE among the results, then reaches it with the keyboard alone (↓, Enter)
and checks the paper page opened. Exit 0 when all holds; 1 with a reason otherwise.
Needs Debian's chromium and Playwright from PyPI (`make deps` installs both).
"""
import sys

from playwright.sync_api import sync_playwright

import local_site


def main(site, word, expected):
    server, base = local_site.serve(site)
    chromium = local_site.chromium()
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)")
        return 1
    errors = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True)
            page = browser.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.goto(f"{base}/search/")
            box = page.get_by_label("Search papers", exact=True)
            box.wait_for()
            # The script focuses the box once the index has loaded.
            page.wait_for_function("document.activeElement && document.activeElement.id === 'q'", timeout=60000)
            page.keyboard.type(word, delay=30)
            # The results of the whole word: those of a shorter one, shown while a slow machine
            # typed, are replaced when the word's arrive, and a link focused in them is gone.
            quoted = word.replace("\\", "\\\\").replace('"', '\\"')
            result = page.locator(f'#search-results[data-query="{quoted}"] a', has_text=expected)
            result.wait_for(timeout=60000)
            status = page.locator("#search-status").inner_text()
            titles = page.locator("#search-results .result-title").all_inner_texts()
            position = titles.index(expected)
            # Keyboard only: ↓ to the first result, ↓ to the expected one, Enter.
            page.keyboard.press("ArrowDown")
            for _ in range(position):
                page.keyboard.press("ArrowDown")
            focused = page.evaluate("document.activeElement.querySelector('.result-title').textContent")
            if focused != expected:
                print(f"focus is on {focused!r}, not {expected!r}")
                return 1
            with page.expect_navigation(timeout=60000):
                page.keyboard.press("Enter")
            heading = page.locator("h1").inner_text()
            if heading.strip() != expected:
                print(f"Enter opened {page.url} titled {heading!r}")
                return 1
            # A shared link with ?q= shows the same results.
            page.goto(f"{base}/search/?q={word}")
            page.locator("#search-results a", has_text=expected).wait_for(timeout=60000)
            browser.close()
    finally:
        server.shutdown()
    if errors:
        print("browser errors: " + "; ".join(errors))
        return 1
    print(f"ok: '{word}' → {status} '{expected}' was result {position + 1} and opened by keyboard")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
