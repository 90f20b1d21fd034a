"""The bundled HTML edition in headless Chromium: loading, pop-ups, views, index links, search, axe.

What each test looks for is read from the page (the first name button, a register entry
and its mentions, a change between the two views), so that the tests hold for any
edition built by the toolkit, not for one text's sentences.
"""

from __future__ import annotations

import re
import shutil

import pytest

pytest.importorskip("playwright.sync_api", reason="the playwright package is absent: "
                    "pip install -e '.[test]' (scripts/setup.sh does)")
from playwright.sync_api import expect  # noqa: E402

NOT_YET = "the page has no {what} ({owner} is not there yet)"


def open_edition(page, site):
    page.goto(site.url())
    page.wait_for_load_state("networkidle")


def search_for(page, words: str) -> None:
    """Type *words* into the search box and wait until the search has answered.

    A plain wait in the page, not expect(): while expect() polls, Pagefind's first search
    (WebAssembly in a worker) was seen not to finish in this headless Chromium.
    """
    page.locator("#search-input").fill(words)
    page.wait_for_function("document.getElementById('search-status').textContent.trim() !== '' && "
                           "!document.getElementById('search-status').textContent.includes('…')",
                           polling=200, timeout=30_000)


def assert_clean(watch):
    assert watch.foreign == [], f"requests outside the loopback origin: {watch.foreign[:5]}"
    assert watch.errors == [], "the page reported errors:\n" + "\n".join(watch.errors[:10])


def test_page_loads_without_errors_or_requests_elsewhere(watched, site):
    page, watch = watched
    open_edition(page, site)
    expect(page.locator("main#text p[id]").first).to_be_visible()
    assert watch.requests and all(url.startswith(site.origin + "/") for url in watch.requests), watch.requests
    assert_clean(watch)
    # the search box is there over HTTP, and loads nothing until it is used
    expect(page.locator("#search input[type=search]")).to_be_enabled()
    assert not any("/pagefind/" in url for url in watch.requests), watch.requests


def test_popup_opens_and_closes_from_the_keyboard(watched, site, artifacts):
    page, watch = watched
    open_edition(page, site)
    buttons = page.locator("button.name[popovertarget]")
    assert buttons.count() > 0, NOT_YET.format(what="button.name[popovertarget]", owner="html-names.xsl's pop-ups")
    button = buttons.first
    target = button.get_attribute("popovertarget")
    popup = page.locator(f"div.popup[popover][id='{target}']")
    assert popup.count() == 1, NOT_YET.format(what=f"div.popup[popover]#{target}", owner="html-names.xsl's pop-ups")
    is_open = f"document.getElementById('{target}').matches(':popover-open')"
    button.focus()
    assert not page.evaluate(is_open)
    page.keyboard.press("Enter")
    expect(popup).to_be_visible()
    assert page.evaluate(is_open), "Enter on the name did not open its pop-up"
    page.screenshot(path=str(artifacts / "popup-open.png"))
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    assert not page.evaluate(is_open), "Escape did not close the pop-up"
    assert_clean(watch)


def test_view_toggle_switches_the_visible_text(watched, site):
    page, watch = watched
    open_edition(page, site)
    toggle = page.locator(".controls #view-diplomatic")
    assert toggle.count() == 1, NOT_YET.format(what=".controls #view-diplomatic", owner="the view controls")
    # a change whose two readings differ in more than case (letters the source lost)
    choice = page.locator(".choice:has(.orig):has(.reg.letters)").first
    if choice.count() == 0:
        choice = page.locator(".choice:has(.orig):has(.reg)").first
    orig, reg = choice.locator(".orig"), choice.locator(".reg")
    assert orig.inner_text().strip() != reg.inner_text().strip()
    expect(reg).to_be_visible()
    expect(orig).to_be_hidden()
    # from the keyboard: the radio group moves with the arrow keys
    page.locator("#view-reading").focus()
    page.keyboard.press("ArrowRight")
    expect(toggle).to_be_checked()
    expect(orig).to_be_visible()
    expect(reg).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(reg).to_be_visible()
    assert_clean(watch)


def test_index_link_lands_on_its_mention(watched, site):
    page, watch = watched
    open_edition(page, site)
    links = page.locator("li[id^='reg-'] a[href^='#occ-']").filter(visible=True)
    assert links.count() > 0, NOT_YET.format(what="li#reg-… a[href^='#occ-']", owner="html-index.xsl's index")
    link = links.nth(links.count() // 2)        # one from the middle: far from both ends of the page
    target = link.get_attribute("href")[1:]
    mention = page.locator(f"[id='{target}']")
    assert mention.count() == 1, f"the index links to #{target}, which is not in the page"
    link.scroll_into_view_if_needed()
    link.focus()
    page.keyboard.press("Enter")
    expect(mention).to_be_in_viewport()
    assert page.evaluate("location.hash") == f"#{target}"
    assert_clean(watch)


def a_name_to_search(page, most_mentioned: bool = False) -> tuple[str, str]:
    """A register entry mentioned more than once (or the most), and the first word of its name
    (the index files persons by surname: "Surname, Forename")."""
    found = page.evaluate("""(most) => {
        let best = null;
        for (const li of document.querySelectorAll("li[id^='reg-']")) {
            const name = li.querySelector("strong");
            const word = name && name.textContent.trim().split(/[\\s,]+/)[0];
            const mentions = li.querySelectorAll("a[href^='#occ-']").length;
            if (!word || !/^\\p{L}{5,}$/u.test(word) || mentions < 2) continue;
            if (!most) return [li.id, word];
            if (!best || mentions > best[2]) best = [li.id, word, mentions];
        }
        return best && best.slice(0, 2);
    }""", most_mentioned)
    assert found, NOT_YET.format(what="register entry with mentions", owner="html-index.xsl's index")
    return found


def test_search_finds_a_name_in_the_text_and_the_register(watched, site):
    page, watch = watched
    open_edition(page, site)
    entry, word = a_name_to_search(page)
    search_for(page, word)
    results = page.locator("#search-results li a")
    assert results.count() > 0, page.locator("#search-status").inner_text()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert f"#{entry}" in hrefs, f"searching {word!r} did not list its register entry #{entry}: {hrefs}"
    paragraphs = [h for h in hrefs if not h.startswith("#reg-")]
    assert paragraphs, f"searching {word!r} found no paragraph: {hrefs}"
    expect(page.locator("#search-results mark").first).to_have_text(re.compile(word, re.I))
    # from the keyboard: Enter in the box goes to the first result
    page.locator("#search-input").press("Enter")
    assert page.evaluate("document.activeElement === document.querySelector('#search-results a')")
    # a result lands on its paragraph
    first = paragraphs[0]
    assert page.locator(f"main [id='{first[1:]}']").count() == 1, f"{first} is no anchor of the text"
    page.locator(f"#search-results a[href='{first}']").first.click()
    expect(page.locator(f"[id='{first[1:]}']")).to_be_in_viewport()
    expect(page.locator(f"[id='{first[1:]}']")).to_contain_text(re.compile(word, re.I))
    assert_clean(watch)


def test_search_lists_a_name_s_entry_before_its_many_mentions(watched, site):
    page, watch = watched
    open_edition(page, site)
    entry, word = a_name_to_search(page, most_mentioned=True)
    search_for(page, word)
    hrefs = page.locator("#search-results li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and hrefs[0].startswith("#reg-"), hrefs[:5]
    assert f"#{entry}" in hrefs[:10], (entry, hrefs[:10])
    if len(hrefs) == 40:                                # the list is cut: the status says so
        expect(page.locator("#search-status")).to_contain_text("40")
    assert_clean(watch)


def test_search_says_when_there_is_nothing(watched, site):
    page, watch = watched
    open_edition(page, site)
    search_for(page, "zzqxjw")
    expect(page.locator("#search-status")).to_contain_text("zzqxjw")
    assert page.locator("#search-results li").count() == 0
    assert_clean(watch)


def test_search_without_an_index_says_so(watched, site):
    page, watch = watched
    bare = site.folder / "bare"
    bare.mkdir(exist_ok=True)
    shutil.copy(site.folder / "leon-trotsky.html", bare)
    page.goto(f"{site.origin}/bare/leon-trotsky.html")
    search_for(page, "revolution")
    expect(page.locator("#search-status")).to_contain_text("pagefind/")
    assert watch.foreign == []


def test_search_from_a_file_says_it_needs_http(browser, site, artifacts):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((site.folder / "leon-trotsky.html").as_uri())
        status = page.locator("#search-status")
        expect(status).to_contain_text("HTTP")
        expect(page.locator("#search-input")).to_be_disabled()
        assert len(status.inner_text().splitlines()) == 1
        page.screenshot(path=str(artifacts / "search-from-a-file.png"))
        assert errors == [], errors
    finally:
        context.close()


# colour contrast is checked on a sample of each kind of region (it costs a minute on the whole
# page, whose thousands of names share a few styles); every other rule on the whole page
CONTRAST_SAMPLE = ["header", "#search", "nav.toc", "main > :nth-child(-n+3)", ".controls",
                   "li[id^='reg-']:first-of-type", "div.popup:popover-open"]


def serious(results) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s), e.g. "
            f"{v['nodes'][0]['target']}" for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")]


def test_no_serious_accessibility_violations(watched, site):
    from axe_playwright_python.sync_playwright import Axe
    page, watch = watched
    open_edition(page, site)
    entry, word = a_name_to_search(page)
    search_for(page, word)                              # the results are part of what is checked
    assert page.locator("#search-results li").count() > 0
    buttons = page.locator("button.name[popovertarget]")
    if buttons.count():                                 # and an open pop-up
        buttons.first.click()
    axe = Axe()
    found = serious(axe.run(page, options={"resultTypes": ["violations"],
                                           "rules": {"color-contrast": {"enabled": False}}}))
    sample = [[s] for s in CONTRAST_SAMPLE if page.locator(s).count()]
    found += serious(axe.run(page, context={"include": sample},
                             options={"resultTypes": ["violations"], "runOnly": ["color-contrast"]}))
    assert not found, "axe-core found:\n" + "\n".join(found)
    assert_clean(watch)
