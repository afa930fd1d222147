package io.shortfall.e2e;

/** {@code ./shortfall demo}: plays {@link CrashScenario} against the suite started by {@code ./shortfall up}. */
public final class Demo {

    public static void main(String[] args) {
        Api api = new Api(Endpoints.localDefaults());
        try {
            System.out.println("Playing a market crash against the running suite...");
            CrashScenario.Outcome outcome = new CrashScenario(api, System.out::println).play();
            System.out.println();
            System.out.println("Done. alice's loan " + outcome.aliceLoanId() + " was liquidated; her case is "
                    + outcome.debtCase().getId() + ".");
            System.out.println("Read the emails at " + api.endpoints().mailApiUrl() + "/api/user/"
                    + CrashScenario.ALICE_EMAIL + "/messages/");
        } catch (RuntimeException e) {
            System.err.println("The demo stopped: " + e.getMessage());
            System.err.println("Is the suite running? Start it with ./shortfall up");
            System.exit(1);
        }
    }

    private Demo() {
    }
}
