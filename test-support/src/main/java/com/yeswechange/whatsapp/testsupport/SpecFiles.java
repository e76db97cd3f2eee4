package com.yeswechange.whatsapp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code specs/} folder (external API specs and byte-exact webhook test vectors). */
public final class SpecFiles {

    private SpecFiles() {
    }

    /** The path of {@code specs/<relative>}, looked up from the module's working directory upwards. */
    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("specs").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("specs/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The exact bytes of a spec file or test vector. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec file or test vector as UTF-8 text, unchanged. */
    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }
}
