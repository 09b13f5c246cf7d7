package dev.phonehome.metrics;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param textfile where each run and {@code verify} rewrite a Prometheus node_exporter textfile (e.g.
 * {@code /var/lib/node_exporter/textfile/phonehome.prom}); unset: no metrics are written
 */
@ConfigurationProperties("phonehome.metrics")
public record MetricsProperties(Path textfile) {
}
