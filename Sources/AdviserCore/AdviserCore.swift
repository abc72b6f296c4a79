// Model, loading, checking, engine, balancing and reporting for Offering Adviser.
