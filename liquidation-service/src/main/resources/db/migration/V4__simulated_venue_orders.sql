-- The simulated venue's own record of the orders it executed, so that, like a real venue, it answers a client
-- order id it has seen with the same fill after a restart of this service too.
create table simulated_venue_order (
    client_order_id  text primary key,
    asset            text           not null,
    quantity         numeric(38, 8) not null check (quantity > 0),
    price            numeric(38, 8) not null check (price >= 0),
    filled_at        timestamptz    not null
);
