package dev.phonehome.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets a log appender through only when it is the chosen format ({@code --log-format}, read before start-up into
 * the system property {@code phonehome.log-format}); see logback-spring.xml.
 */
public class LogFormatFilter extends Filter<ILoggingEvent> {

	private String format = "text";

	public void setFormat(String format) {
		this.format = format;
	}

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return format.equals(System.getProperty("phonehome.log-format", "text")) ? FilterReply.NEUTRAL
				: FilterReply.DENY;
	}

}
