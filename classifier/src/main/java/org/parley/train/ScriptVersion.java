package org.parley.train;

import picocli.CommandLine;

/**
 * What {@code -V} prints for each script: the version Maven built and the checkout's commit, as a bundle's provenance
 * records them. Their {@code --help} offered {@code -V}, which printed nothing (a newcomer's fourth audit, sixty-ninth
 * session).
 */
public final class ScriptVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String commit = Checkout.now().commit();
        return new String[] {"parley " + Provenance.buildProperties().getProperty("parley.version", "unknown")
                + (Checkout.UNKNOWN.equals(commit) ? "" : " (commit " + commit + ")")};
    }
}
