-- The breaker compares a tick with the highest price of its asset within the hour before it, not with the previous
-- tick. Kept per asset: the ticks of the hour that may still be a later tick's high (a tick drops every earlier one
-- not higher than itself, and every one older than its hour), so a handful of rows per asset. Shared by every
-- replica and kept across restarts; a tick holds its asset's price row for update while it reads and writes here.
create table breaker_window (
    asset       text           not null,
    observed_at timestamptz    not null,
    price       numeric(38, 8) not null check (price > 0),
    primary key (asset, observed_at)
);
-- The latest tick of each asset starts its window.
insert into breaker_window (asset, observed_at, price) select asset, observed_at, price from asset_price;
