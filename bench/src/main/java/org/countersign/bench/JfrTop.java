package org.countersign.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time goes, from a JFR recording ({@code bench/run.sh --jfr}): the methods
 * most often on top of the stack (self), and the methods most often anywhere on it (inclusive),
 * over all {@code jdk.ExecutionSample} events. Usage: {@code JfrTop <file.jfr> [rows]}.
 */
public final class JfrTop {

  /** Package prefixes (ending in '.') or exact class names, and the component they stand for. */
  private static final String[][] COMPONENTS = {
    {"org.h2.", "H2 database"},
    {"org.eclipse.persistence.", "EclipseLink JPA"},
    {"com.sun.gjc.", "connection pool (JDBC wrappers)"},
    {"com.sun.enterprise.resource.", "connection pool"},
    {"com.sun.enterprise.transaction.", "JTA transactions"},
    {"com.sun.jts.", "JTA transactions"},
    {"org.jboss.weld.", "CDI (Weld)"},
    {"org.glassfish.jersey.", "JAX-RS (Jersey)"},
    {"org.glassfish.grizzly.", "HTTP (Grizzly)"},
    {"org.apache.catalina.", "servlet container"},
    {"org.eclipse.parsson.", "JSON (Parsson)"},
    {"com.google.zxing.", "QR codes (ZXing)"},
    {"javax.imageio.", "PNG encoding (ImageIO)"},
    {"javax.crypto.", "JCE crypto"},
    {"com.sun.crypto.provider.", "JCE crypto"},
    {"sun.security.", "JCE crypto"},
    {"java.security.SecureRandom", "SecureRandom"},
    {"org.countersign.audit.", "Countersign audit"},
    {"org.countersign.crypto.", "Countersign crypto (seal, PIN hash)"},
    {"org.countersign.token.totp.Hotp", "OTP algorithms (HOTP/TOTP/OCRA)"},
    {"org.countersign.token.totp.CounterSearch", "OTP algorithms (HOTP/TOTP/OCRA)"},
    {"org.countersign.token.tiqr.Ocra", "OTP algorithms (HOTP/TOTP/OCRA)"},
    {"org.countersign.qr.", "Countersign QR codes"},
    {"org.countersign.", "Countersign (any)"},
    {"fish.payara.", "Payara"},
  };

  private JfrTop() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> application = new HashMap<>();
    Map<String, Integer> components = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : events) {
      if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
      // the outermost application method below the container: which endpoint the sample belongs to
      String entry = "(outside org.countersign)";
      for (int i = frames.size() - 1; i >= 0; i--) {
        String n = name(frames.get(i));
        if (n.startsWith("org.countersign.")) {
          entry = n;
          break;
        }
      }
      application.merge(entry, 1, Integer::sum);
      Set<String> touched = new HashSet<>();
      for (RecordedFrame f : frames) {
        String type = f.getMethod().getType().getName();
        for (String[] c : COMPONENTS) {
          if (c[0].endsWith(".") ? type.startsWith(c[0]) : type.equals(c[0])) {
            touched.add(c[1]);
          }
        }
      }
      touched.forEach(c -> components.merge(c, 1, Integer::sum));
    }
    System.out.printf(Locale.ROOT, "%d execution samples%n", samples);
    print("self (top of stack)", self, samples, rows);
    print("inclusive (anywhere on the stack)", inclusive, samples, rows);
    print("by application entry point", application, samples, rows);
    print(
        "by component (inclusive: a sample counts for every component on its stack)",
        components,
        samples,
        rows);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
    System.out.printf(Locale.ROOT, "%n%s:%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            en ->
                System.out.printf(
                    Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
  }
}
