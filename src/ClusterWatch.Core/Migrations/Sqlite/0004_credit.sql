CREATE TABLE "CreditRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CreditRecords" PRIMARY KEY AUTOINCREMENT,
    "EnterpriseId" INTEGER NOT NULL,
    "IndicatorCode" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "DocumentNo" TEXT NULL,
    "Issuer" TEXT NOT NULL,
    "ValidUntil" TEXT NULL,
    "Source" TEXT NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    CONSTRAINT "FK_CreditRecords_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CreditScores" (
    "EnterpriseId" INTEGER NOT NULL CONSTRAINT "PK_CreditScores" PRIMARY KEY,
    "Score" INTEGER NOT NULL,
    "Grade" TEXT NOT NULL,
    "Bonuses" INTEGER NOT NULL,
    "Deductions" INTEGER NOT NULL,
    "SchemeVersion" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    "NextChangeOn" TEXT NULL,
    "Factors" TEXT NOT NULL,
    CONSTRAINT "FK_CreditScores_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CreditRecords_EnterpriseId_OccurredOn" ON "CreditRecords" ("EnterpriseId", "OccurredOn");

CREATE INDEX "IX_CreditRecords_IndicatorCode" ON "CreditRecords" ("IndicatorCode");

CREATE INDEX "IX_CreditScores_Grade_EnterpriseId" ON "CreditScores" ("Grade", "EnterpriseId");

CREATE INDEX "IX_CreditScores_NextChangeOn" ON "CreditScores" ("NextChangeOn");

