package org.countersign.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box test classes that run against the default server: Arquillian boots the packaged WAR once
 * per class, and each test gets a client over loopback and a fresh admin JWT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OnDefaultServer {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Api api;
  String admin;

  @BeforeEach
  void client() {
    api = new Api(base);
    admin = api.adminJwt();
  }
}
