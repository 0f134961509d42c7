package org.countersign.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every black-box test class: the packaged WAR runs on the container its
 * {@code @Deployment} names ({@link OnDefaultServer} for the default one), booted by the first
 * class that targets it and kept for the rest of the run, so each class leaves data behind and
 * works with its own users and serials. Each test gets a client over loopback and a fresh admin
 * JWT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ServerTest {

  @ArquillianResource protected URL base;
  protected Api api;
  protected String admin;

  @BeforeEach
  protected void client() {
    api = new Api(base);
    admin = api.adminJwt();
  }
}
