CREATE TABLE "Warnings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Warnings" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "PlanId" INTEGER NULL,
    "TargetId" INTEGER NULL,
    "AllocationId" INTEGER NULL,
    "RegionId" INTEGER NULL,
    "UnitId" INTEGER NULL,
    "EnterpriseId" INTEGER NULL,
    "TaskId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "LinksJson" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgedBy" TEXT NULL,
    "AcknowledgeNote" TEXT NULL,
    "ResolvedAt" TEXT NULL,
    "LastEvaluatedAt" TEXT NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_Warnings_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Warnings_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Warnings_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Warnings_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE SET NULL
);

CREATE TABLE "WarningEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WarningEvents" PRIMARY KEY AUTOINCREMENT,
    "WarningId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Action" INTEGER NOT NULL,
    "By" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Severity" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    CONSTRAINT "FK_WarningEvents_Warnings_WarningId" FOREIGN KEY ("WarningId") REFERENCES "Warnings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_WarningEvents_WarningId_At" ON "WarningEvents" ("WarningId", "At");

CREATE INDEX "IX_Warnings_EnterpriseId" ON "Warnings" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_Warnings_Key" ON "Warnings" ("Key");

CREATE INDEX "IX_Warnings_PlanId" ON "Warnings" ("PlanId");

CREATE INDEX "IX_Warnings_RegionId" ON "Warnings" ("RegionId");

CREATE INDEX "IX_Warnings_Status_Severity" ON "Warnings" ("Status", "Severity");

CREATE INDEX "IX_Warnings_UnitId" ON "Warnings" ("UnitId");

