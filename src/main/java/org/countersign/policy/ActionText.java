package org.countersign.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action string of privacyIDEA's policy API: {@code "otppin=userstore, passOnNoToken, text='a,
 * b'"}. Entries are separated by commas ({@code \,} is a comma inside a value); an entry without
 * {@code =} is a flag; a value in single or double quotes keeps its spaces and commas.
 */
public final class ActionText {

  private ActionText() {}

  /** The entries in order; a flag's value is {@code "true"}. */
  public static Map<String, String> parse(String text) {
    Map<String, String> actions = new LinkedHashMap<>();
    StringBuilder entry = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        entry.append(',');
        i++;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        entry.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        entry.append(c);
      } else if (c == ',') {
        add(entry.toString(), actions);
        entry.setLength(0);
      } else {
        entry.append(c);
      }
    }
    if (quote != 0) {
      throw new InvalidPolicy("Invalid action: an unclosed quote in " + text);
    }
    add(entry.toString(), actions);
    return actions;
  }

  private static void add(String entry, Map<String, String> actions) {
    String e = entry.strip();
    if (e.isEmpty()) {
      return;
    }
    int eq = e.indexOf('=');
    String name = (eq < 0 ? e : e.substring(0, eq)).strip();
    String value = eq < 0 ? "true" : unquote(e.substring(eq + 1).strip());
    if (name.isEmpty()) {
      throw new InvalidPolicy("Invalid action: " + e);
    }
    actions.put(name, value);
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
