CREATE TABLE "AnalyticsFacts" (
    "Year" integer NOT NULL,
    "Quarter" integer NOT NULL,
    "Caliber" integer NOT NULL,
    "RegionId" integer NOT NULL,
    "IndustryCode" character varying(32) NOT NULL,
    "IsSynthetic" boolean NOT NULL,
    "Revenue" double precision NOT NULL,
    "OutputValue" double precision NOT NULL,
    "RdExpense" double precision NOT NULL,
    "InventionPatents" double precision NOT NULL,
    "Enterprises" integer NOT NULL,
    "RevenueTier1" integer NOT NULL,
    "RevenueTier2" integer NOT NULL,
    "RevenueTier3" integer NOT NULL,
    "RevenueTier4" integer NOT NULL,
    "RevenueTier5" integer NOT NULL,
    "OutputTier1" integer NOT NULL,
    "OutputTier2" integer NOT NULL,
    "OutputTier3" integer NOT NULL,
    "OutputTier4" integer NOT NULL,
    "OutputTier5" integer NOT NULL,
    CONSTRAINT "PK_AnalyticsFacts" PRIMARY KEY ("Year", "Quarter", "Caliber", "RegionId", "IndustryCode", "IsSynthetic")
);

CREATE TABLE "AnalyticsStates" (
    "Id" integer NOT NULL,
    "LastAuditId" bigint NOT NULL,
    "OwnWritesUpToAuditId" bigint NOT NULL,
    "RefreshedAt" timestamp with time zone NOT NULL,
    "DurationSeconds" double precision NOT NULL,
    "WasFull" boolean NOT NULL,
    "StagesJson" character varying(4000) NOT NULL,
    CONSTRAINT "PK_AnalyticsStates" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_AnalyticsFacts_RegionId_Year" ON "AnalyticsFacts" ("RegionId", "Year");

