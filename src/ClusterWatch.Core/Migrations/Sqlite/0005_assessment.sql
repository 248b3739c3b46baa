CREATE TABLE "AssessmentSchemes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssessmentSchemes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "PlanId" INTEGER NULL,
    "PeriodType" INTEGER NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentSchemes_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AssessmentIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssessmentIndicators" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Weight" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_AssessmentIndicators_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentPublications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssessmentPublications" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "PeriodKey" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedBy" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnBy" TEXT NULL,
    CONSTRAINT "FK_AssessmentPublications_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssessmentResults" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "PeriodKey" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "PeerGroup" INTEGER NOT NULL,
    "Score" TEXT NOT NULL,
    "Rank" INTEGER NOT NULL,
    "PreviousScore" TEXT NULL,
    "PreviousRank" INTEGER NULL,
    "Change" TEXT NULL,
    "BreakdownJson" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentResults_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentResults_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AssessmentIndicators_SchemeId_Kind" ON "AssessmentIndicators" ("SchemeId", "Kind");

CREATE INDEX "IX_AssessmentPublications_SchemeId_PeriodKey" ON "AssessmentPublications" ("SchemeId", "PeriodKey");

CREATE UNIQUE INDEX "IX_AssessmentResults_SchemeId_PeriodKey_UnitId" ON "AssessmentResults" ("SchemeId", "PeriodKey", "UnitId");

CREATE INDEX "IX_AssessmentResults_UnitId" ON "AssessmentResults" ("UnitId");

CREATE UNIQUE INDEX "IX_AssessmentSchemes_Name" ON "AssessmentSchemes" ("Name");

CREATE INDEX "IX_AssessmentSchemes_PlanId" ON "AssessmentSchemes" ("PlanId");

