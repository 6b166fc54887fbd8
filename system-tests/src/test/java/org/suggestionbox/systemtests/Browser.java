package org.suggestionbox.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through {@code /usr/bin/chromedriver} (set explicitly, so
 * Selenium Manager never tries to download a driver), with a fresh profile per browser.
 */
final class Browser implements AutoCloseable {

    /**
     * How long a page may take to show what is waited for: the fault scenarios load both cores beside the
     * browser tests, and a wait returns as soon as its condition holds.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final Dimension DESKTOP = new Dimension(1280, 1100);

    private static final String LEFT_DOCUMENT = "does not belong to the document";

    /** Selenium warns on every start that it has no CDP module for this Chromium; we use WebDriver only. */
    private static final java.util.logging.Logger SELENIUM_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("suggestionbox.screenshots-dir", "target/screenshots"));

    /** A 1280 px screen zoomed to 400 %, the width WCAG 2.1 asks a page to reflow into (1.4.10). */
    static final int NARROWEST = 320;

    private final Path profile;

    private final ChromeDriver driver;

    /** The phone-sized viewport width set by {@link #phone(int)}, or 0 for the desktop window. */
    private int emulatedWidth;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Browser open() {
        try {
            Path profile = Files.createTempDirectory("suggestionbox-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                    "--lang=en-US",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            return new Browser(profile, new ChromeDriver(service, options));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Opens a page that needs sign-in, signing in as {@code user} (password demo) on the way: at the local
     * stack's OpenID Connect provider, or at the service's own password form when it has no provider.
     */
    Browser openSignedIn(String url, String user) {
        this.driver.get(url);
        if (isSignInPage()) {
            signIn(user);
            if (!this.driver.getCurrentUrl().startsWith(url)) {
                this.driver.get(url);
            }
        }
        return this;
    }

    /** Whether the browser shows a sign-in form (the provider's, or a service's own under local). */
    boolean isSignInPage() {
        return this.driver.getCurrentUrl().contains("/login")
                && !this.driver
                        .findElements(By.cssSelector("input[name=password]"))
                        .isEmpty();
    }

    /** Fills the sign-in form in front of the browser and waits until it is gone. */
    void signIn(String user) {
        WebElement username = this.driver.findElement(By.cssSelector("input[name=username]"));
        username.clear();
        username.sendKeys(user);
        this.driver.findElement(By.cssSelector("input[name=password]")).sendKeys("demo");
        this.driver
                .findElement(By.cssSelector("form button[type=submit], form input[type=submit]"))
                .click();
        waitUntil(driver -> !isSignInPage());
    }

    WebDriver driver() {
        return this.driver;
    }

    /**
     * Opens the page and waits until its document has loaded. WebDriver's {@code get} waits for that too, yet on
     * a busy machine the dashboard's second language was once read with none of its week labels (CI of 95becae,
     * the fault scenarios loading both cores beside): a script reads the document the browser shows by now.
     */
    void get(String url) {
        this.driver.get(url);
        waitUntil(driver -> "complete".equals(script("return document.readyState")));
    }

    WebElement find(String id) {
        return this.driver.findElement(By.id(id));
    }

    WebElement await(String id) {
        return new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Clicks the element with this id, which submits a form or follows a link, and waits until the browser has
     * left the page it was on, so what is looked up next is on the next page. Looking up at once raced the
     * navigation on a busy machine: an element found on the old page failed as "Node with given id does not
     * belong to the document".
     */
    void clickToNextPage(String id) {
        WebElement page = this.driver.findElement(By.tagName("html"));
        find(id).click();
        new WebDriverWait(this.driver, PATIENCE).until(driver -> isGone(page));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            // stale, or a node of a document the browser is leaving
            return true;
        }
    }

    /**
     * Waits until the condition holds, also across page loads: stale or not yet present elements, and the
     * first of a list of elements asked for while the next page has none yet ({@code getFirst()} on an empty
     * list; seen when a busy machine answered a form's redirect slowly).
     */
    void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(this.driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .ignoring(java.util.NoSuchElementException.class)
                .until(driver -> holdsAcrossNavigation(condition, driver));
    }

    /**
     * The condition, read as not holding yet when ChromeDriver reports an element of the document the browser is
     * leaving as "Node with given id does not belong to the document" (an {@code unknown error}, not a stale
     * element): seen in CI when a form's redirect was answered while the condition read the old page.
     */
    private static boolean holdsAcrossNavigation(Function<WebDriver, Boolean> condition, WebDriver driver) {
        try {
            return condition.apply(driver);
        } catch (WebDriverException ex) {
            String message = ex.getMessage();
            if (message != null && message.contains(LEFT_DOCUMENT)) {
                return false;
            }
            throw ex;
        }
    }

    /**
     * Lays pages out as a phone {@code width} CSS pixels wide (DevTools device metrics, as the window cannot
     * be made narrower than 500 px), honouring the pages' viewport meta tag; {@link #desktop()} undoes it.
     */
    Browser phone(int width) {
        emulate(width, 812);
        this.emulatedWidth = width;
        return this;
    }

    /**
     * This browser as a test expects it: no cookies of any site (the services share {@code localhost}, so one
     * test's sessions would sign the next one in), any other window closed, the desktop window and a blank page.
     */
    Browser fresh() {
        Iterator<String> windows = this.driver.getWindowHandles().iterator();
        String first = windows.next();
        while (windows.hasNext()) {
            this.driver.switchTo().window(windows.next()).close();
        }
        this.driver.switchTo().window(first);
        this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        desktop();
        this.driver.manage().window().setSize(DESKTOP);
        this.driver.get("about:blank");
        return this;
    }

    /** Back to the desktop window, 1280 px wide. */
    Browser desktop() {
        this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        this.emulatedWidth = 0;
        return this;
    }

    /** Runs a script in the page and gives back what it returns. */
    @Nullable
    Object script(String script, Object... arguments) {
        return this.driver.executeScript(script, arguments);
    }

    /** Runs an asynchronous script (its last argument is the callback) and gives back what it passed on. */
    @Nullable
    Object asyncScript(String script, Object... arguments) {
        return this.driver.executeAsyncScript(script, arguments);
    }

    /** The page's width in CSS pixels: more than the viewport when something makes it scroll sideways. */
    long pageWidth() {
        Object width = this.driver.executeScript("return document.documentElement.scrollWidth");
        return width instanceof Number number ? number.longValue() : Long.MAX_VALUE;
    }

    /**
     * The words a line ends inside though their text would fit on one line of its card, up to ten: a label
     * squeezed into "Languag" / "e". A line may end at white space and after a hyphen or a slash ("cx-" /
     * "owner" in a narrow column), but a date is one word ("2026-" / "12-20" counts). Text wider than its card
     * (a path in a title, "/api/ideas/{id}/merge" in a heading on a phone) has to break somewhere and does not
     * count.
     */
    @SuppressWarnings("unchecked")
    List<String> wordsBrokenAcrossLines() {
        Object words = this.driver.executeScript("""
                const broken = [];
                const boxes = range => [...range.getClientRects()].filter(box => box.width > 0);
                const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let text = texts.nextNode(); text && broken.length < 10; text = texts.nextNode()) {
                    if (!text.parentElement || text.parentElement.closest('script, style, .skip')) continue;
                    const card = text.parentElement.closest('.card, main') || document.body;
                    const style = getComputedStyle(card);
                    const room = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    for (const run of text.data.matchAll(/\\S+/g)) {
                        const whole = document.createRange();
                        whole.setStart(text, run.index);
                        whole.setEnd(text, run.index + run[0].length);
                        if (boxes(whole).reduce((width, box) => width + box.width, 0) > room) continue;
                        for (const word of run[0].matchAll(/\\d{4}-\\d{2}(?:-\\d{2})?|[^\\-\u2010/]+/g)) {
                            const range = document.createRange();
                            range.setStart(text, run.index + word.index);
                            range.setEnd(text, run.index + word.index + word[0].length);
                            if (new Set(boxes(range).map(box => Math.round(box.top))).size > 1) {
                                broken.push(word[0] + ' in <' + text.parentElement.tagName.toLowerCase() + '>');
                            }
                        }
                    }
                }
                return broken;""");
        return words instanceof List<?> list ? (List<String>) list : List.of();
    }

    private void emulate(int width, int height) {
        this.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    String htmlAttribute(String name) {
        return this.driver.findElement(By.tagName("html")).getDomAttribute(name);
    }

    /** Saves a PNG of the whole page (up to 4000 px high) as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        if (this.emulatedWidth > 0) {
            phoneScreenshot(name);
            return;
        }
        Dimension window = this.driver.manage().window().getSize();
        Object pageHeight = this.driver.executeScript("return document.documentElement.scrollHeight");
        int height = pageHeight instanceof Number number ? Math.min(4000, number.intValue() + 150) : window.getHeight();
        try {
            this.driver
                    .manage()
                    .window()
                    .setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height)));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            this.driver.manage().window().setSize(window);
        }
    }

    /** Saves a PNG of the top {@code height} px of the page as {@code target/screenshots/<name>.png}. */
    void screenshotTop(String name, int height) {
        Dimension window = this.driver.manage().window().getSize();
        try {
            this.driver.manage().window().setSize(new Dimension(window.getWidth(), height));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            this.driver.manage().window().setSize(window);
        }
    }

    private void phoneScreenshot(String name) {
        Object pageHeight = this.driver.executeScript("return document.documentElement.scrollHeight");
        int height = pageHeight instanceof Number number ? Math.min(4000, number.intValue()) : 812;
        try {
            emulate(this.emulatedWidth, Math.max(812, height));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            emulate(this.emulatedWidth, 812);
        }
    }

    @Override
    public void close() {
        try {
            this.driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(this.profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ex) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
