"""Checks a built site in headless Chromium the way a reader meets it, on phones to wide screens.

Usage: python3 page_check.py SITE_FOLDER SCREENSHOT_FOLDER [--pages URL…]
Serves SITE_FOLDER over HTTP on a free port and checks (with --pages, only width and math,
on those pages: how the tests show that a page too wide is caught):
  width   every day, topic and paper page at 320, 390, 768, 1280 and 2560 px, abstracts
          opened: document.scrollingElement.scrollWidth <= the viewport (no sideways scroll);
  math    on those pages every <math> has a non-zero box and no <merror>;
  axe     one page of each kind (home, days, day, topics, topic, month of a topic, paper,
          search with a query, about, 404) at 320, 390, 768 and 1280 px, light and dark:
          0 axe-core violations of any impact (axe-core from PyPI axe-playwright-python);
  cls     each of those kinds, freshly loaded (no cache) at 390 and 1280 px: cumulative
          layout shift 0, search measured after its results arrived, whose dates must read
          as every page writes them ("March 12, 2026"); then the paper page opened again
          must draw every glyph of its formulas in the bundled math font (a first visit
          may fall back to a system math font if the font comes late: never swapped in);
  shots   home, day, topic, paper and search at 390 px (phone) and 1280 px, light and dark,
          saved as PNG in SCREENSHOT_FOLDER.
Prints one line of figures per check; exit 0 when all hold, 1 with every failure listed.
"""
import json
import pathlib
import re
import sys

import axe_playwright_python
from playwright.sync_api import sync_playwright

import local_site

WIDTHS = (320, 390, 768, 1280, 2560)
AXE_WIDTHS = (320, 390, 768, 1280)
CLS_WIDTHS = (390, 1280)
AXE_SCRIPT = pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js"

# Opens every abstract, then reports what overflows and how the math is drawn.
MEASURE = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const root = document.scrollingElement;
  const maths = Array.from(document.querySelectorAll('math'));
  const empty = maths.filter(m => { const r = m.getBoundingClientRect(); return r.width === 0 || r.height === 0; });
  let widest = '';
  if (root.scrollWidth > innerWidth) {
    for (const el of document.querySelectorAll('body *')) {
      if (el.getBoundingClientRect().right > innerWidth + 0.5) {
        widest = el.tagName.toLowerCase() + '.' + el.className + ' ' + (el.textContent || '').slice(0, 60);
      }
    }
  }
  return { scroll: root.scrollWidth, math: maths.length, empty: empty.length,
           merror: document.querySelectorAll('merror').length, widest: widest };
}"""

CLS_OBSERVER = """() => {
  window.__cls = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}"""


def site_pages(site):
    """Site-relative URLs of the pages whose width is checked, and one of each kind."""
    def urls(pattern):
        return sorted("/" + str(p.parent.relative_to(site)) + "/" for p in site.glob(pattern))
    days = urls("days/*/index.html") + urls("days/*/page/*/index.html")
    topics = urls("topics/*/index.html")
    months = urls("topics/*/*/index.html") + urls("topics/*/*/page/*/index.html")
    papers = urls("papers/*/index.html")
    # The paper with the most math is the hardest for the layout and the font.
    with_math = max(papers, key=lambda url: (site / url.strip("/") / "index.html").read_text().count("<math"))
    kinds = {
        "home": "/", "days": "/days/", "day": max(days, key=lambda url: (site / url.strip("/") / "index.html").stat().st_size),
        "topics": "/topics/", "topic": topics[0], "month": months[0], "paper": with_math,
        "search": "/search/?q=language", "about": "/about/", "404": "/404.html",
    }
    return days + topics + months + papers, kinds


def check_widths(browser, base, pages, failures):
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": 800})
    widest = {width: (0, "") for width in WIDTHS}
    math_count = 0
    for url in pages:
        page.goto(base + url)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            found = page.evaluate(MEASURE)
            if found["scroll"] > widest[width][0]:
                widest[width] = (found["scroll"], url)
            if found["scroll"] > width:
                failures.append(f"width: {url} at {width} px scrolls to {found['scroll']} px ({found['widest']})")
            if width == 390:
                math_count += found["math"]
                if found["empty"] or found["merror"]:
                    failures.append(f"math: {url} has {found['empty']} empty <math> and {found['merror']} <merror>")
    page.close()
    figures = ", ".join(f"{w} px → {widest[w][0]}" for w in WIDTHS)
    print(f"width: {len(pages)} pages × {len(WIDTHS)} viewports, widest scrollWidth {figures}")
    print(f"math: {math_count} <math> elements on those pages at 390 px, none empty, no <merror>")


def check_axe(browser, base, kinds, failures):
    runs = 0
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        for kind, url in kinds.items():
            for width in AXE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(base + url)
                if kind == "search":
                    page.locator("#search-results a").first.wait_for(timeout=20000)
                page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
                page.add_script_tag(path=str(AXE_SCRIPT))
                result = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
                runs += 1
                for violation in result["violations"]:
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    failures.append(f"axe: {kind} {url} {width} px {scheme}: {violation['id']} "
                                    f"({violation['impact']}) on {'; '.join(targets)}")
        context.close()
    count = sum(1 for failure in failures if failure.startswith("axe:"))
    print(f"axe: {runs} runs ({len(kinds)} page kinds × {len(AXE_WIDTHS)} widths × light, dark), {count} violations")


def math_fonts(context, page):
    """The fonts Chromium drew the formulas of `page` with, and how many glyphs each drew."""
    session = context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": "math mi, math mo, math mn"})["nodeIds"]
    fonts = {}
    for node in nodes:
        for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            fonts[font["familyName"]] = fonts.get(font["familyName"], 0) + font["glyphCount"]
    session.detach()
    return fonts


def check_cls(browser, base, kinds, failures):
    worst = (0.0, "")
    for kind, url in kinds.items():
        for width in CLS_WIDTHS:
            # A fresh context: nothing cached, so the math font arrives as it would the first time.
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.add_init_script("(" + CLS_OBSERVER + ")()")
            page.goto(base + url, wait_until="load")
            if kind == "search":
                page.locator("#search-results a").first.wait_for(timeout=20000)
                dates = page.locator("#search-results .result-meta").all_inner_texts()
                odd = [date for date in dates if not re.fullmatch(r"[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}", date)]
                if not dates or odd:
                    failures.append(f"search: result dates {odd[:3] or 'missing'} are not like 'March 12, 2026'")
            page.evaluate("document.fonts.ready")
            page.wait_for_timeout(300)
            cls = page.evaluate("window.__cls")
            if cls > worst[0]:
                worst = (cls, f"{kind} at {width} px")
            if cls > 0:
                failures.append(f"cls: {kind} {url} at {width} px shifts by {cls:.4f}")
            if kind == "paper":
                page.goto(base + url, wait_until="load")
                page.evaluate("document.fonts.ready")
                fonts = math_fonts(context, page)
                if set(fonts) != {"PaperDigest Math"}:
                    failures.append(f"font: formulas on {url} opened again are drawn in {fonts or 'no font'}")
            context.close()
    print(f"cls: {len(kinds)} page kinds × {len(CLS_WIDTHS)} widths, largest {worst[0]:.4f} {worst[1]}")


def screenshots(browser, base, kinds, folder, failures):
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for scheme in ("light", "dark"):
        for width, device in ((390, "phone"), (1280, "desktop")):
            context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844},
                                          color_scheme=scheme)
            page = context.new_page()
            for kind in ("home", "day", "topic", "paper", "search"):
                page.goto(base + kinds[kind])
                if kind == "search":
                    page.locator("#search-results a").first.wait_for(timeout=20000)
                page.evaluate("document.fonts.ready")
                name = f"{kind}-{device}-{scheme}.png"
                page.screenshot(path=str(folder / name))
                names.append(name)
            # A day page with its first abstract opened, a screen further down.
            page.goto(base + kinds["day"])
            page.evaluate("document.querySelectorAll('details')[0].open = true")
            page.screenshot(path=str(folder / f"day-open-{device}-{scheme}.png"))
            names.append(f"day-open-{device}-{scheme}.png")
            context.close()
    print(f"shots: {len(names)} screenshots in {folder}: {', '.join(names[:6])}…")


def main(site, shots, only=None):
    site = pathlib.Path(site).resolve()
    server, base = local_site.serve(site)
    chromium = local_site.chromium()
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)")
        return 1
    pages, kinds = (only, {}) if only else site_pages(site)
    failures = []
    errors = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True)
            browser.on("disconnected", lambda _: errors.append("chromium exited"))
            check_widths(browser, base, pages, failures)
            if kinds:
                check_axe(browser, base, kinds, failures)
                check_cls(browser, base, kinds, failures)
                screenshots(browser, base, kinds, pathlib.Path(shots), failures)
            browser.close()
    finally:
        server.shutdown()
    for failure in failures:
        print("FAIL " + failure)
    print(json.dumps({"pages": len(pages), "kinds": kinds, "failures": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if len(arguments) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(arguments[0], arguments[1], arguments[3:] if arguments[2:3] == ["--pages"] else None))
