DROP TABLE offline_receipts;
