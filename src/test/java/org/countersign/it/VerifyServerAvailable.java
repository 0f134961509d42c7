package org.countersign.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class that targets the {@code verify} container only when Arquillian can reach it:
 * either that container was chosen for this run ({@code -Darquillian.launch=verify}) or
 * arquillian.xml puts the containers in a group. Without a group Arquillian registers the default
 * container alone, and a deployment targeting another one fails before any test runs.
 */
public final class VerifyServerAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("verify".equals(System.getProperty("arquillian.launch"))) {
      return ConditionEvaluationResult.enabled("arquillian.launch=verify");
    }
    try (InputStream in =
        VerifyServerAvailable.class.getClassLoader().getResourceAsStream("arquillian.xml")) {
      String xml = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (xml.contains("<group")) {
        return ConditionEvaluationResult.enabled("arquillian.xml groups the containers");
      }
    } catch (IOException e) {
      return ConditionEvaluationResult.disabled("arquillian.xml cannot be read");
    }
    return ConditionEvaluationResult.disabled(
        "the 'verify' container is not registered: run with -Darquillian.launch=verify");
  }
}
