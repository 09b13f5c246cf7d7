package dev.phonehome;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.phonehome.cli.HomeArgument;
import dev.phonehome.cli.SourceArgument;

/**
 * phonehome: the nightly phone-home batch job of an on-prem installation.
 * The command line decides what runs (see {@code cli}); Boot only wires the beans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhoneHomeApplication {

	public static void main(String[] args) {
		// The home directory holds the H2 file the datasource opens, so it must be known before the context starts.
		System.setProperty(HomeArgument.PROPERTY, HomeArgument.resolve(args).toString());
		// The source decides which reader beans exist, so it must be known before the context starts too.
		SourceArgument.apply(args);
		System.exit(SpringApplication.exit(SpringApplication.run(PhoneHomeApplication.class, args)));
	}

}
