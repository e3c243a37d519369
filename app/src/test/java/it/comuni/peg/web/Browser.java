package it.comuni.peg.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium, headless, through Debian's chromedriver, both named explicitly: nothing may
 * download a browser or a driver here (Selenium Manager would try). Without them the browser
 * tests fail, saying what to install: a machine without a browser must not pass the build by
 * leaving the pages untested.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCHERMATE = Path.of("target", "schermate");
    /** Chromium's Italian resources (Debian's chromium-l10n): without them the browser runs in en-US whatever it is told. */
    static final Path ITALIANO = Path.of("/usr/lib/chromium/locales/it.pak");

    private Browser() {
    }

    static void richiedi() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER) || !Files.isRegularFile(ITALIANO)) {
            fail("Test nel browser impossibili: mancano " + CHROMIUM + ", " + CHROMEDRIVER + " o " + ITALIANO
                    + " (browser tests cannot run: Chromium, chromedriver or its Italian locale missing). Installarli / install them: "
                    + "apt-get update && apt-get install -y chromium chromium-driver chromium-l10n");
        }
    }

    static ChromeDriver avvia() throws IOException {
        Path profilo = Files.createTempDirectory("peg-chromium-");
        ChromeOptions opzioni = new ChromeOptions();
        opzioni.setBinary(CHROMIUM.toFile());
        opzioni.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,2400", "--lang=it-IT",
                "--user-data-dir=" + profilo.toAbsolutePath());
        // the page's language (navigator.language, Accept-Language) and, through LANGUAGE, the locale of the
        // form controls: on Linux --lang alone leaves a date field in en-US (mm/dd/yyyy)
        opzioni.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "it-IT,it"));
        ChromeDriverService servizio = new ChromeDriverService.Builder()
                .withEnvironment(java.util.Map.of("LANGUAGE", "it_IT:it"))
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(servizio, opzioni);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Waits up to 30 s for an element; on timeout keeps a screenshot and the page's source under
     * {@link #SCHERMATE} ({@code fallito-<millis>.png}, {@code fallito.html}) and fails naming the element and the URL.
     */
    static void attendi(ChromeDriver driver, org.openqa.selenium.By dove) throws IOException {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(dove));
        } catch (org.openqa.selenium.TimeoutException e) {
            schermata(driver, "fallito-" + System.currentTimeMillis());
            Files.writeString(SCHERMATE.resolve("fallito.html"), driver.getPageSource());
            throw new AssertionError("Atteso " + dove + " su " + driver.getCurrentUrl(), e);
        }
    }

    /**
     * Clicks {@code elemento} once it is in the middle of the view, brought there without animation: Bootstrap
     * Italia scrolls smoothly, and a click aimed while the page still moves lands on whatever passes under it
     * (Chromium's "element click intercepted" on a chart or the footer).
     */
    static void clicca(ChromeDriver driver, WebElement elemento) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", elemento);
        elemento.click();
    }

    /** {@link #clicca(ChromeDriver, WebElement)} on the element {@code dove} finds. */
    static void clicca(ChromeDriver driver, org.openqa.selenium.By dove) {
        clicca(driver, driver.findElement(dove));
    }

    /** Month and date-time inputs take their value in ISO form only through script (typing is locale-bound). */
    static void imposta(ChromeDriver driver, String id, String valore) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, valore);
    }

    static Path schermata(ChromeDriver driver, String nome) throws IOException {
        Files.createDirectories(SCHERMATE);
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path destinazione = SCHERMATE.resolve(nome + ".png");
        Files.copy(file.toPath(), destinazione, StandardCopyOption.REPLACE_EXISTING);
        return destinazione;
    }

    /**
     * What makes the page scroll sideways: empty when the document is no wider than the window; else, for up to
     * five of the innermost elements that reach past the window's right edge, the innermost element around each
     * whose removal (display: none, undone at once) makes the document fit, as {@code tag#id.classes (right edge px)};
     * climbing only through elements that themselves reach past the edge, so a wide table inside a region that
     * scrolls on its own (the region fits) is never named.
     */
    @SuppressWarnings("unchecked")
    static List<String> oltreLaFinestra(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const radice = document.documentElement;
                const w = radice.clientWidth;
                const largo = () => radice.scrollWidth > w;
                if (!largo()) return [];
                const oltre = e => e.getBoundingClientRect().right > w + 1;
                const nome = e => {
                    const classi = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classi + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)';
                };
                const provati = new Set();
                const colpevoli = [];
                const foglie = [...document.body.querySelectorAll('*')].filter(e => oltre(e) && ![...e.children].some(oltre));
                for (const foglia of foglie.slice(0, 400)) {
                    for (let e = foglia; e && e !== document.body && oltre(e); e = e.parentElement) {
                        if (provati.has(e)) break;
                        provati.add(e);
                        const prima = e.style.display;
                        e.style.display = 'none';
                        const ancora = largo();
                        e.style.display = prima;
                        if (!ancora) {
                            const intorno = [];
                            for (let a = e.parentElement; a && a !== document.body && intorno.length < 4; a = a.parentElement) {
                                intorno.push(a.tagName.toLowerCase() + (a.className && typeof a.className === 'string' ? '.' + a.className.trim().split(/\\s+/).join('.') : '')
                                    + '[' + getComputedStyle(a).overflowX + ' ' + Math.round(a.getBoundingClientRect().width) + ' px]');
                            }
                            colpevoli.push(nome(e) + ' in ' + intorno.join(' < '));
                            break;
                        }
                    }
                    if (colpevoli.length === 5) break;
                }
                return colpevoli.length ? colpevoli : ['documento largo ' + radice.scrollWidth + ' px: ' + foglie.slice(0, 5).map(nome).join(', ')];
                """);
    }

    /**
     * The serious and critical axe violations of the page, described; empty when there are none. A page
     * without frames is analysed by axe.run in the page itself (axe's legacy mode): the default runs
     * axe.runPartial in every frame and axe.finishRun in a new blank window, which costs ~40% more per
     * page here for the same results, the new window being what lets it reach cross-origin frames. A
     * page with frames gets the default.
     */
    static List<String> violazioniGravi(ChromeDriver driver) {
        boolean conFrame = ((Number) driver.executeScript("return document.querySelectorAll('iframe, frame').length")).intValue() > 0;
        Results risultati = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .setLegacyMode(!conFrame).analyze(driver);
        List<Rule> gravi = risultati.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        System.out.println("axe " + driver.getCurrentUrl() + ": " + risultati.getViolations().size() + " violazioni, "
                + gravi.size() + " gravi; " + risultati.getPasses().size() + " regole superate");
        risultati.getViolations().forEach(v -> System.out.println("  - [" + v.getImpact() + "] " + v.getId() + ": "
                + v.getHelp() + " (" + v.getNodes().size() + " nodi)"));
        return gravi.stream()
                .map(v -> v.getId() + " [" + v.getImpact() + "]: " + v.getHelp() + " → "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
    }
}
