package dev.phonehome.console.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.access.AccessRecorder;

/** The console's pages record every access; its home is the list of nights. */
@Configuration
@ConsoleOnly
class ConsoleWebConfiguration implements WebMvcConfigurer {

	private final AccessRecorder recorder;

	ConsoleWebConfiguration(AccessRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(recorder).excludePathPatterns("/login", "/error", "/console.css", "/favicon.*");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/nights");
	}

}
