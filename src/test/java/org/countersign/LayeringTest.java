package org.countersign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The direction of the imports (STYLE.md): the transport ({@code api}, {@code web}) sits on top and
 * no domain package looks up at it; {@code user} does not know {@code token}; {@code error} is a
 * leaf. Read from the sources (imports and fully qualified names alike), so a wrong dependency
 * fails the build.
 */
class LayeringTest {

  private static final Path MAIN = Path.of("src/main/java/org/countersign");
  private static final Pattern IMPORT =
      Pattern.compile("(?<!package )\\borg\\.countersign\\.([a-z]+)\\.");

  @ParameterizedTest(name = "{0} imports none of {1}")
  @CsvSource({
    "validate, api web",
    "token, api web",
    "challenge, api web",
    "user, api web token",
    "auth, api web",
    "audit, api web",
    "crypto, api web",
    "config, api web",
    "policy, api web",
    "resolver, api web",
    "directory, api web",
    "error, api web validate token challenge user auth audit crypto config policy system ops qr json",
  })
  void domainPackagesDoNotLookUpAtTheTransport(String pkg, String forbidden) {
    List<String> wrong =
        sources(MAIN.resolve(pkg)).stream()
            .flatMap(
                file ->
                    imports(file)
                        .filter(List.of(forbidden.split(" "))::contains)
                        .map(target -> MAIN.relativize(file) + " imports " + target))
            .toList();
    assertEquals(List.of(), wrong);
  }

  private static List<Path> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> imports(Path file) {
    try {
      Matcher m = IMPORT.matcher(Files.readString(file));
      Stream.Builder<String> found = Stream.builder();
      while (m.find()) {
        found.add(m.group(1));
      }
      return found.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
