package org.countersign.policy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A realm or user entry of a policy: equal to the value, {@code *}, or a regular expression that
 * matches the whole value; with a leading {@code !} or {@code -} it excludes what it matches.
 * Compiled once, when the policies are loaded.
 */
record NameEntry(String literal, Pattern pattern, boolean negated, boolean ignoreCase) {

  static NameEntry of(String entry, boolean ignoreCase) {
    boolean negated = entry.startsWith("!") || entry.startsWith("-");
    String body = negated ? entry.substring(1) : entry;
    Pattern pattern;
    try {
      pattern =
          Pattern.compile(body, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    } catch (PatternSyntaxException e) {
      pattern = null;
    }
    return new NameEntry(body, pattern, negated, ignoreCase);
  }

  /** Whether the entry's text is acceptable: a literal name or a valid regular expression. */
  static boolean valid(String entry) {
    String body = entry.startsWith("!") || entry.startsWith("-") ? entry.substring(1) : entry;
    if (body.isEmpty()) {
      return false;
    }
    try {
      Pattern.compile(body);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  boolean hits(String value) {
    if ("*".equals(literal)
        || (ignoreCase ? literal.equalsIgnoreCase(value) : literal.equals(value))) {
      return true;
    }
    return pattern != null && pattern.matcher(value).matches();
  }
}
