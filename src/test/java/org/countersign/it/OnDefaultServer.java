package org.countersign.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Base of the black-box test classes that run against the default server. */
public abstract class OnDefaultServer extends ServerTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }
}
