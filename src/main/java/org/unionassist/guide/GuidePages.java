package org.unionassist.guide;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The project's documentation in the browser: {@code /docs/user-guide.html} is docs/user-guide.md as an HTML page
 * (the Welcome app's 文档 link), and so is every other Markdown page of docs/. The build copies docs/ to
 * {@code static/docs} (pom.xml), so the images beside the pages are served as they are, at the paths the pages use.
 * Open to everyone, like the login pages: the guide is what a caseworker reads before logging in.
 */
@RestController
class GuidePages {

    static final String USER_GUIDE = "/docs/user-guide.html";
    private static final String DOCS = "static/docs/";

    private final String template = read(new ClassPathResource("guide/page.html"));

    @GetMapping({"/docs", "/docs/"})
    ResponseEntity<Void> index() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(USER_GUIDE)).build();
    }

    @GetMapping({"/docs/{page:[a-z0-9-]+}.html", "/docs/{folder:[a-z0-9-]+}/{page:[a-z0-9-]+}.html"})
    ResponseEntity<String> page(@PathVariable(required = false) String folder, @PathVariable String page) {
        ClassPathResource markdown = new ClassPathResource(DOCS + (folder == null ? "" : folder + "/") + page + ".md");
        if (!markdown.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String text = read(markdown);
        String title = Markdown.title(text);
        String html = template
                .replace("{{title}}", Markdown.escape(title == null ? page : title))
                .replace("{{body}}", Markdown.toHtml(text));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private static String read(ClassPathResource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
