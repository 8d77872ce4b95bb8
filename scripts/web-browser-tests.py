#!/usr/bin/env python3
"""The whole loop in a real browser (Debian's Chromium driven by Selenium through
chromium-driver): from a real mail in the Maildir, open its link, 签收, report progress with
a file, ask for an extension; log in as the office and approve it; then the board and
`rectifyctl show` show it all. Takes the screenshots docs/web.md shows (--screenshots DIR):
the board, the responder page at desktop width and at 375 px, and the review page.

Closes with 'N passed, N failed'. Usage: scripts/web-browser-tests.py [--bin DIR] [--screenshots DIR]
"""
import argparse
import datetime
import json
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
web_tests = __import__("web-tests")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def browser(width, height, phone=False):
    options = Options()
    if phone:
        # A phone's viewport exactly (a desktop window has a minimum width of about 500 px).
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1},
                                "userAgent": "Mozilla/5.0 (Linux; Android 13) wxwork/4.1 MicroMessenger/8.0"})
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                 "--lang=zh-CN", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def settle(driver, text, seconds=10):
    """Waits until the page (after a form's redirect) shows `text`; whether it did."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in driver.page_source:
            return True
        time.sleep(0.1)
    return False


def full_page(driver, path, width):
    """A screenshot of the whole page at `width` (the viewport grows to the page's height)."""
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    height = min(max(height + 40, 600), 6000)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    time.sleep(0.3)
    driver.save_screenshot(path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(web_tests.ROOT, ".build/debug"))
    parser.add_argument("--screenshots", default=None, help="write the PNGs for docs/web.md here")
    args = parser.parse_args()
    shots = args.screenshots or tempfile.mkdtemp(prefix="web-shots-")
    os.makedirs(shots, exist_ok=True)
    daemon = web_tests.Daemon(os.path.abspath(args.bin))
    results = []

    def case(name, condition, detail=""):
        results.append(bool(condition))
        print(("PASS " if condition else "FAIL ") + name + ("" if condition else f"  -- {detail}"))

    desktop = phone = None
    try:
        desktop = browser(1280, 900)
        phone = browser(375, 812, phone=True)
        run(daemon, desktop, phone, shots, case)
    except Exception as error:
        import traceback
        traceback.print_exc()
        case("the browser test ran to the end", False, repr(error))
    finally:
        for driver in (desktop, phone):
            if driver:
                driver.quit()
        case("rectifyd kept running", daemon.proc.poll() is None)
        daemon.stop()
    passed = sum(results)
    print(f"screenshots in {shots}")
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


def run(d, desktop, phone, shots, case):
    mail = next(m for m in web_tests.wait_for_mails(d, "zhang@") if "zhang@" in m["to"])
    # The link exactly as the mail's HTML part carries it (the button's href).
    href = re.search(r'<a href="([^"]+)"', mail["html"]).group(1).replace("&amp;", "&")
    case("the mail's button links to this daemon's page", href.startswith(d.base + "/r/"), href)

    desktop.get(href)
    case("the link opens the responder page in Chromium", "甲事项即将到期" in desktop.page_source, desktop.title)
    desktop.find_element(By.XPATH, "//button[text()='签收本通知']").click()
    case("签收 in the browser", settle(desktop, "已签收"))

    # 报送进展 with a file, through the page's own form (no JavaScript on the page).
    evidence = os.path.join(d.dir, "整改照片.png")
    with open(evidence, "wb") as f:
        f.write(web_tests.PNG)
    form = desktop.find_element(By.XPATH, "(//form[contains(@action,'/items/webtest/A/progress')])[1]")
    form.find_element(By.NAME, "note").send_keys("已完成设备采购招标，合同签订中。")
    form.find_element(By.NAME, "files").send_keys(evidence)
    form.find_element(By.TAG_NAME, "button").click()
    case("报送进展 with a file in the browser", settle(desktop, "进展已报送") and "整改照片.png" in desktop.page_source)

    # 申请延期: open the <details> and fill the date field.
    to = (datetime.date.today() + datetime.timedelta(days=45))
    details = desktop.find_element(By.XPATH, "//form[contains(@action,'/items/webtest/A/extend')]/..")
    details.find_element(By.TAG_NAME, "summary").click()
    date = details.find_element(By.NAME, "to")
    desktop.execute_script("arguments[0].value = arguments[1]", date, to.isoformat())
    details.find_element(By.NAME, "reason").send_keys("设备到货延迟，需等待厂家排期。")
    details.find_element(By.TAG_NAME, "button").click()
    case("申请延期 in the browser", settle(desktop, "延期申请已提交"), re.findall(r'<div class="notice[^<]*', desktop.page_source))
    full_page(desktop, os.path.join(shots, "web-responder-desktop.png"), 1280)

    phone.get(href)
    case("the responder page fits 375 px (no horizontal scroll)",
         phone.execute_script("return document.documentElement.scrollWidth") <= 375,
         phone.execute_script("return document.documentElement.scrollWidth"))
    full_page(phone, os.path.join(shots, "web-responder-375.png"), 375)

    # The office: log in, review, approve.
    desktop.get(d.base + "/login")
    desktop.find_element(By.NAME, "user").send_keys("zgb")
    desktop.find_element(By.NAME, "password").send_keys(web_tests.OFFICE_PASSWORD)
    desktop.find_element(By.TAG_NAME, "button").click()
    case("the office logs in and lands on the board", settle(desktop, "整改督办看板"))
    desktop.get(d.base + "/review")
    case("the review page lists the request", "申请延期至" in desktop.page_source and "设备到货延迟" in desktop.page_source)
    full_page(desktop, os.path.join(shots, "web-review.png"), 1280)
    desktop.find_element(By.XPATH, "//button[@value='approve']").click()
    case("approve in the browser", settle(desktop, "已批准。"), re.findall(r'<div class="notice[^<]*', desktop.page_source))

    show = json.loads(d.ctl("show", "webtest/A", "--json").stdout)
    kinds = [h["kind"] for h in show["history"]]
    case("rectifyctl show has the receipt, the progress, the request and the extension",
         all(k in kinds for k in ["receipt", "progress", "extension_requested", "extend"]), kinds)
    case("rectifyctl show has the new deadline and the original", show["item"]["deadline"]["date"] == to.isoformat()
         and show["item"].get("original_deadline"), show["item"])
    desktop.get(d.base + "/board")
    case("the board shows the item's unit and the burndown", "测试县卫生健康局" in desktop.page_source and "<svg" in desktop.page_source)
    full_page(desktop, os.path.join(shots, "web-board.png"), 1280)
    desktop.get(d.base + "/items/webtest/A")
    case("the item page shows the evidence and the extension", "整改照片.png" in desktop.page_source and "延期至" in desktop.page_source)
    phone.get(d.base + "/login")
    phone.find_element(By.NAME, "user").send_keys("zgb")
    phone.find_element(By.NAME, "password").send_keys(web_tests.OFFICE_PASSWORD)
    phone.find_element(By.TAG_NAME, "button").click()
    settle(phone, "整改督办看板")
    case("the board fits 375 px", phone.execute_script("return document.documentElement.scrollWidth") <= 375,
         phone.execute_script("return document.documentElement.scrollWidth"))
    full_page(phone, os.path.join(shots, "web-board-375.png"), 375)


if __name__ == "__main__":
    main()
