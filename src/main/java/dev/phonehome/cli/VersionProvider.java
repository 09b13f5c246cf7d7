package dev.phonehome.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = VersionProvider.class.getPackage().getImplementationVersion();
		return new String[] { "phonehome " + (version == null ? "(development build)" : version) };
	}

}
