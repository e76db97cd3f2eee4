package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (apt's chromium + chromedriver, never a downloaded browser) for a test class, logged in
 * through the real Keycloak login page as a person would, at the agents' usual 1280×800.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final String baseUrl;
    final WebDriverWait wait;

    Browser(int port) throws IOException {
        Path profile = Files.createTempDirectory("ui-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        baseUrl = "http://localhost:" + port;
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // htmx swaps fragments in place: an element found a moment ago may be replaced before it is read; look again
        wait.ignoring(StaleElementReferenceException.class);
        // Keycloak sends the browser back to this port after the login: allow it, as an administrator would
        KeycloakServer.get().addRedirectUri(KeycloakServer.GATEWAY_CLIENT, baseUrl + "/*");
    }

    /** Opens a page; the first time, Keycloak's login form comes up and is filled in. */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Logs in on Keycloak's own form (the gateway redirected there) and waits to be back on our pages. */
    void logIn(String username, String password) {
        open("/ui/conversations");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(baseUrl + "/ui/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves what the browser shows as target/screenshots/NAME.png, for a reviewer to look at. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
