"""The pages in a real browser: Debian's Chromium driven by Playwright against uvicorn on a loopback port.

Chromium comes from the system (``apt-get install -y chromium``), never from ``playwright install``. Without it
the tests are skipped on a workstation and fail in CI (``CI=true``), so CI cannot pass by not running them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing; install it with: apt-get install -y chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, java_script_enabled=False)
    page = context.new_page()
    # the pages must work without the network: any request off the loopback server fails the test
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server) else None)
    yield page
    context.close()
    assert not outside, outside


def test_article_highlights_and_speaker_link_in_chromium(page, live_server, tmp_path):
    data = page.request.get(f"{live_server}/api/v1/articles/5").json()
    page.goto(f"{live_server}/articles/5")
    marks = page.locator("[data-attribution]")
    assert marks.count() == len(data["attributions"]) == 15
    stances = {marks.nth(i).get_attribute("data-stance") for i in range(marks.count())}
    assert stances == {a["stance"] for a in data["attributions"]} and {"deny", "assert"} <= stances
    # shaded by stance: a denial and an assertion get different, non-transparent backgrounds
    colour = {s: page.locator(f'[data-attribution][data-stance="{s}"]').first.evaluate(
        "e => getComputedStyle(e).backgroundColor") for s in ("deny", "assert")}
    assert colour["deny"] != colour["assert"] and "rgba(0, 0, 0, 0)" not in colour.values()
    # focusable, with the tooltip's text on the element
    first = marks.first
    first.focus()
    assert page.evaluate("document.activeElement.dataset.attribution") == first.get_attribute("data-attribution")
    assert "stance:" in first.get_attribute("title") and "rule:" in first.get_attribute("title")
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000

    speaker = page.locator(".text a.mention").first
    name = speaker.get_attribute("title").removeprefix("speaker: ")
    speaker.click()
    page.wait_for_url(re.compile(r".*/actors/\d+$"))
    assert page.locator("h1").inner_text() == name
    actor = page.request.get(page.url.replace("/actors/", "/api/v1/actors/")).json()
    # dated statements are bars on the time line; undated ones (this example text has no date) are counted apart
    assert page.locator("svg rect.bar").count() == len({r["day"] for r in actor["timeline"]})
    if actor["undated_statements"]:
        assert f"{actor['undated_statements']} undated statement" in page.locator("body").inner_text()
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)


def test_claim_page_columns_link_to_the_sentence_in_chromium(page, live_server, tmp_path):
    claims = page.request.get(f"{live_server}/api/v1/claims?contested=true&limit=100").json()["items"]
    mines = next(c for c in claims if "mine" in c["text"])
    page.goto(f"{live_server}/claims/{mines['id']}")
    asserted, denied = page.locator("#asserted blockquote"), page.locator("#denied blockquote")
    assert asserted.count() == len(mines["supporters"]) and denied.count() == len(mines["deniers"])
    # the two columns sit side by side on a wide screen
    a_box, d_box = page.locator("#asserted").bounding_box(), page.locator("#denied").bounding_box()
    assert d_box["x"] > a_box["x"] + a_box["width"] - 1
    page.screenshot(path=str(tmp_path / "claim.png"), full_page=True)
    target = denied.first.locator("a")
    href = target.get_attribute("href")
    target.click()
    page.wait_for_url(re.compile(r".*/articles/\d+#a\d+$"))
    anchor = href.split("#", 1)[1]
    assert page.locator(f"#{anchor}").get_attribute("data-stance") in ("deny", "assert", "accuse")


@pytest.fixture()
def phone(browser, live_server):
    """A 390 px wide window, as on a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def _sideways(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


def test_browser_pages_at_390px_do_not_scroll_sideways(phone, live_server):
    """At 390 px the article page was 720 px wide, /search 840, an actor page 766."""
    actor = phone.request.get(f"{live_server}/api/v1/actors?limit=1").json()["items"][0]["id"]
    claim = phone.request.get(f"{live_server}/api/v1/claims?contested=true&limit=1").json()["items"][0]["id"]
    for path in ("/", "/articles/5", f"/actors/{actor}", f"/claims/{claim}", "/search?q=said", "/articles",
                 "/actors", "/claims", "/docs"):
        phone.goto(live_server + path)
        scroll, client = _sideways(phone)
        assert scroll <= client == 390, (path, scroll)


def test_browser_focused_highlight_tooltip_stays_on_screen_at_390px(phone, live_server):
    phone.goto(f"{live_server}/articles/5")
    marks = phone.locator("mark[data-attribution]")
    assert marks.count() == 15
    for i in range(marks.count()):
        marks.nth(i).focus()
        box = marks.nth(i).evaluate("""e => { const s = getComputedStyle(e, '::after');
            return [s.content, parseFloat(s.left), parseFloat(s.width), parseFloat(s.bottom), parseFloat(s.height),
                    innerWidth, innerHeight]; }""")
        content, left, width, bottom, height, window_width, window_height = box
        assert "stance:" in content
        assert 0 <= left and left + width <= window_width, (i, left, width)
        assert 0 <= bottom and bottom + height <= window_height, (i, bottom, height)
        assert _sideways(phone)[0] <= 390
