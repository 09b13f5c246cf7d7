package dev.phonehome.console.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

import dev.phonehome.console.ConsoleOnly;

/**
 * A path smuggled into a URL as {@code %2F} is refused by the security's firewall with the console's own 400 page,
 * rather than by Tomcat's connector with a bare one: the connector passes the encoded slash on, still encoded.
 */
@Component
@ConsoleOnly
class EncodedSlashes implements TomcatConnectorCustomizer {

	@Override
	public void customize(org.apache.catalina.connector.Connector connector) {
		connector.setEncodedSolidusHandling("passthrough");
	}

}
