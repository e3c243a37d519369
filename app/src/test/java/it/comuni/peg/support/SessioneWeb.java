package it.comuni.peg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web application as a browser without JavaScript sees it: form login at {@code /accesso}, the
 * session cookie, the CSRF token each form carries. No redirect is followed, so that a test sees the
 * answer a page gives. A session made with a {@code null} user is anonymous.
 */
public final class SessioneWeb {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    /** A status, the body, and where a redirect points (null when none). */
    public record Pagina(int stato, String corpo, String posizione) {
    }

    public SessioneWeb(int porta, String utente) {
        this.base = "http://127.0.0.1:" + porta;
        if (utente != null) {
            Pagina accedi = posta("/accesso", Map.of("utente", utente, "password", utente));
            if (accedi.stato() != 302 || accedi.posizione() == null || accedi.posizione().contains("errore")) {
                throw new IllegalStateException("Accesso di " + utente + " non riuscito: " + accedi.stato() + " " + accedi.posizione());
            }
        }
    }

    public Pagina leggi(String percorso) {
        return invia(HttpRequest.newBuilder(URI.create(base + percorso)).GET());
    }

    /** The whole answer to a GET (a PDF with its Content-Disposition, say), in the session. */
    public HttpResponse<byte[]> risposta(String percorso) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create(base + percorso)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a download (a PDF, say), with its status; throws when the status is not 200. */
    public byte[] scarica(String percorso) {
        try {
            HttpResponse<byte[]> r = browser.send(HttpRequest.newBuilder(URI.create(base + percorso)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(percorso + ": " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the session's CSRF token (taken from the sign-in page, which every session may read). */
    public Pagina posta(String percorso, Map<String, String> campi) {
        String token = token();
        String corpo = campi.entrySet().stream().map(e -> q(e.getKey()) + "=" + q(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + q(token);
        return invia(HttpRequest.newBuilder(URI.create(base + percorso))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corpo)));
    }

    /** Posts a multipart form (one file part named {@code file}) with the session's CSRF token. */
    public Pagina postaFile(String percorso, Map<String, String> campi, String nomeFile, byte[] contenuto) {
        String confine = "----peg" + System.nanoTime();
        StringBuilder testa = new StringBuilder();
        campi.forEach((k, v) -> testa.append("--").append(confine).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        testa.append("--").append(confine).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                .append(token()).append("\r\n");
        testa.append("--").append(confine).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(nomeFile).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] inizio = testa.toString().getBytes(StandardCharsets.UTF_8);
        byte[] fine = ("\r\n--" + confine + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] corpo = new byte[inizio.length + contenuto.length + fine.length];
        System.arraycopy(inizio, 0, corpo, 0, inizio.length);
        System.arraycopy(contenuto, 0, corpo, inizio.length, contenuto.length);
        System.arraycopy(fine, 0, corpo, inizio.length + contenuto.length, fine.length);
        return invia(HttpRequest.newBuilder(URI.create(base + percorso))
                .header("Content-Type", "multipart/form-data; boundary=" + confine)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corpo)));
    }

    private String token() {
        Pagina accesso = leggi("/accesso");
        Matcher m = CSRF.matcher(accesso.corpo());
        if (!m.find()) {
            throw new IllegalStateException("Nessun token CSRF nella pagina di accesso (" + accesso.stato() + ")");
        }
        return m.group(1);
    }

    private Pagina invia(HttpRequest.Builder richiesta) {
        try {
            HttpResponse<String> r = browser.send(richiesta.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Pagina(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
