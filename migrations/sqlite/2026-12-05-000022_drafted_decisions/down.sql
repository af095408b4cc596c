DROP TABLE drafted_decisions;
