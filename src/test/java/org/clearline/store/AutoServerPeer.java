package org.clearline.store;

import java.nio.file.Path;

/**
 * Child process of {@link AutoServerTest}: opens a store another process
 * already holds, reads what that process wrote and writes something back.
 */
public final class AutoServerPeer {
    private AutoServerPeer() {}

    public static void main(String[] args) {
        try (JdbcStore store = JdbcStore.open(Path.of(args[0]))) {
            store.accounts().list().forEach(a -> System.out.println("SAW " + a.sipId()));
            store.accounts().put(StoreFixtures.account("bob"));
            store.numbers().assign("+493012345002", "bob");
            store.registrations().apply(StoreFixtures.upsert(StoreFixtures.binding("bob", 5064, Long.MAX_VALUE)))
                    .join();
            System.out.println("DONE");
        }
    }
}
