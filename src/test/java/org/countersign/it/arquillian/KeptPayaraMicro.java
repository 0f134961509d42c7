package org.countersign.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's Arquillian container, booted once per container qualifier and run rather than once
 * per test class. Payara Micro takes its archive on the command line, so the stock adapter boots a
 * server in every {@code deploy} and kills it in every {@code undeploy}. This one answers a
 * repeated deployment of an archive with the same name (every test class deploys the packaged WAR,
 * {@code Deployments.war()}) with the server already running, and stops it when Arquillian stops
 * the container at the end of the run. An archive with another name replaces the running server
 * with one of its own.
 */
public class KeptPayaraMicro extends PayaraMicroDeployableContainer {

  private static final Logger LOG = Logger.getLogger(KeptPayaraMicro.class.getName());

  private Archive<?> running;
  private ProtocolMetaData answer;

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (running != null && running.getName().equals(archive.getName())) {
      return answer;
    }
    shutDown();
    answer = super.deploy(archive);
    running = archive;
    return answer;
  }

  /** Keeps the server for the next test class; {@link #stop()} ends it. */
  @Override
  public void undeploy(Archive<?> archive) {}

  @Override
  public synchronized void stop() throws LifecycleException {
    try {
      shutDown();
    } catch (DeploymentException e) {
      LOG.warning("stopping Payara Micro: " + e.getMessage());
    }
    super.stop();
  }

  private void shutDown() throws DeploymentException {
    if (running != null) {
      Archive<?> archive = running;
      running = null;
      answer = null;
      super.undeploy(archive);
    }
  }
}
