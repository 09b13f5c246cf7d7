package dev.phonehome.source;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The night's {@link SourceDecision}, as the source configurations' conditions took it. */
@Configuration(proxyBeanMethods = false)
public class SourceDecisionConfiguration {

	@Bean
	SourceDecision sourceDecision(Environment environment) {
		return SourceSelection.decision(environment);
	}

}
