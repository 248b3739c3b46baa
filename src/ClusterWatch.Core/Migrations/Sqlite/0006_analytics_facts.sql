CREATE TABLE "AnalyticsFacts" (
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Caliber" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "IndustryCode" TEXT NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    "Revenue" REAL NOT NULL,
    "OutputValue" REAL NOT NULL,
    "RdExpense" REAL NOT NULL,
    "InventionPatents" REAL NOT NULL,
    "Enterprises" INTEGER NOT NULL,
    "RevenueTier1" INTEGER NOT NULL,
    "RevenueTier2" INTEGER NOT NULL,
    "RevenueTier3" INTEGER NOT NULL,
    "RevenueTier4" INTEGER NOT NULL,
    "RevenueTier5" INTEGER NOT NULL,
    "OutputTier1" INTEGER NOT NULL,
    "OutputTier2" INTEGER NOT NULL,
    "OutputTier3" INTEGER NOT NULL,
    "OutputTier4" INTEGER NOT NULL,
    "OutputTier5" INTEGER NOT NULL,
    CONSTRAINT "PK_AnalyticsFacts" PRIMARY KEY ("Year", "Quarter", "Caliber", "RegionId", "IndustryCode", "IsSynthetic")
);

CREATE TABLE "AnalyticsStates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AnalyticsStates" PRIMARY KEY,
    "LastAuditId" INTEGER NOT NULL,
    "OwnWritesUpToAuditId" INTEGER NOT NULL,
    "RefreshedAt" TEXT NOT NULL,
    "DurationSeconds" REAL NOT NULL,
    "WasFull" INTEGER NOT NULL,
    "StagesJson" TEXT NOT NULL
);

CREATE INDEX "IX_AnalyticsFacts_RegionId_Year" ON "AnalyticsFacts" ("RegionId", "Year");

