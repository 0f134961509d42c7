package org.countersign.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionTextTest {

  @Test
  void readsValuesFlagsAndQuotedText() {
    Map<String, String> a =
        ActionText.parse("otppin=userstore, passOnNoToken, challenge_text='one, two three'");
    assertEquals(
        Map.of("otppin", "userstore", "passOnNoToken", "true", "challenge_text", "one, two three"),
        a);
  }

  @Test
  void anEscapedCommaBelongsToTheValue() {
    assertEquals(
        Map.of("challenge_text", "a,b", "x", "1"), ActionText.parse("challenge_text=a\\,b, x=1"));
  }

  @Test
  void spaceSeparatedListsStayOneValue() {
    assertEquals(
        Map.of("challenge_response", "hotp totp"),
        ActionText.parse(" challenge_response = hotp totp "));
  }

  @Test
  void anUnclosedQuoteOrANamelessEntryIsRefused() {
    assertThrows(InvalidPolicy.class, () -> ActionText.parse("text='open"));
    assertThrows(InvalidPolicy.class, () -> ActionText.parse("=value"));
  }
}
