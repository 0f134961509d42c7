package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.countersign.token.ServiceFakes.FakeUsers;
import org.countersign.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnedTokensTest {

  private static final LocalDateTime SEEN =
      LocalDateTime.ofInstant(ServiceFakes.NOW, ZoneOffset.UTC);

  private InMemoryTokens tokens;
  private FakeUsers users;
  private OwnedTokens owned;

  @BeforeEach
  void wire() {
    tokens = new InMemoryTokens();
    users = new FakeUsers();
    owned = ServiceFakes.owned(tokens, users);
  }

  private Token ownedBy(String serial, User owner) {
    Token t = new Token(serial, "code", 10, SEEN);
    t.assignTo(owner);
    tokens.add(t);
    return t;
  }

  @Test
  void tokensFoundByNameNeedNoLookup() {
    ownedBy("T1", User.ofDirectory("default", "ol", "uuid-1", "ann", SEEN));

    List<Token> found = owned.of("default", "ann").orElseThrow();

    assertEquals(List.of("T1"), found.stream().map(Token::serial).toList());
    assertEquals(0, users.lookups);
  }

  @Test
  void aRenamedDirectoryUserFindsTheirTokensUnderTheNewName() {
    Token t = ownedBy("T1", User.ofDirectory("default", "ol", "uuid-1", "ann", SEEN));
    users.directory.put("anna", "uuid-1");

    List<Token> found = owned.of("default", "anna").orElseThrow();

    assertEquals(List.of("T1"), found.stream().map(Token::serial).toList());
    assertEquals("anna", t.username().orElseThrow());
    assertTrue(owned.of("default", "ann").orElseThrow().isEmpty(), "the old name owns nothing");
  }

  @Test
  void anotherDirectoryUserDoesNotTakeTheTokens() {
    Token t = ownedBy("T1", User.ofDirectory("default", "ol", "uuid-1", "ann", SEEN));
    users.directory.put("bea", "uuid-2");

    assertTrue(owned.of("default", "bea").orElseThrow().isEmpty());
    assertEquals("ann", t.username().orElseThrow());
  }

  @Test
  void aBuiltInUserWithoutTokensHasNoneAndAnUnknownUserIsEmpty() {
    ownedBy("T1", new User("default", "carl", "hash", SEEN));
    users.unknown.add("nobody");

    assertTrue(owned.of("default", "dora").orElseThrow().isEmpty());
    assertTrue(owned.of("default", "nobody").isEmpty());
  }
}
