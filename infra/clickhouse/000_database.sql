-- Guardian's analyst database. Every table below lives in it.
CREATE DATABASE IF NOT EXISTS guardian;
