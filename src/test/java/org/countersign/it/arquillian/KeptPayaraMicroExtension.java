package org.countersign.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link KeptPayaraMicro} in place of the stock Payara Micro container for every qualifier.
 */
public class KeptPayaraMicroExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, KeptPayaraMicro.class);
  }
}
