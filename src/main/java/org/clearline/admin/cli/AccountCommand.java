package org.clearline.admin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "account", mixinStandardHelpOptions = true, description = "Create, inspect, change and remove accounts.")
final class AccountCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("account: missing command (add, list, show, passwd, remove); see 'clearline account --help'");
    }
}
