package io.shortfall.web.backend;

import io.smallrye.config.ConfigMapping;

/** Where the five services answer (the local suite's ports by default; a deployment sets its in-cluster names). */
@ConfigMapping(prefix = "shortfall.services")
public interface ServiceUrls {

    String loan();

    String margin();

    String liquidation();

    String debt();

    String notification();
}
