package org.countersign.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TotpProvisioningTest {

  @Test
  void secretIsGroupedByFourForTypingByHand() {
    assertEquals(
        "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
        TotpProvisioning.grouped("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
  }

  @Test
  void lastGroupMayBeShorter() {
    assertEquals("ABCD EF", TotpProvisioning.grouped("ABCDEF"));
    assertEquals("", TotpProvisioning.grouped(""));
  }
}
