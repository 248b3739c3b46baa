CREATE TABLE "IndustryChains" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndustryChains" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "ChainLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChainLinks" PRIMARY KEY AUTOINCREMENT,
    "ChainId" INTEGER NOT NULL,
    "Stage" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Definition" TEXT NOT NULL,
    "IndustryCodes" TEXT NOT NULL,
    "Keywords" TEXT NOT NULL,
    "IpcCodes" TEXT NOT NULL,
    "SourcePlan" TEXT NOT NULL,
    "SourceQuote" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ChainLinks_IndustryChains_ChainId" FOREIGN KEY ("ChainId") REFERENCES "IndustryChains" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DirectoryChainLinks" (
    "DirectoryCompanyId" INTEGER NOT NULL,
    "LinkId" INTEGER NOT NULL,
    "MatchedBy" TEXT NOT NULL,
    CONSTRAINT "PK_DirectoryChainLinks" PRIMARY KEY ("DirectoryCompanyId", "LinkId"),
    CONSTRAINT "FK_DirectoryChainLinks_ChainLinks_LinkId" FOREIGN KEY ("LinkId") REFERENCES "ChainLinks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DirectoryChainLinks_DirectoryCompanies_DirectoryCompanyId" FOREIGN KEY ("DirectoryCompanyId") REFERENCES "DirectoryCompanies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EnterpriseChainLinks" (
    "EnterpriseId" INTEGER NOT NULL,
    "LinkId" INTEGER NOT NULL,
    "MatchedBy" TEXT NOT NULL,
    CONSTRAINT "PK_EnterpriseChainLinks" PRIMARY KEY ("EnterpriseId", "LinkId"),
    CONSTRAINT "FK_EnterpriseChainLinks_ChainLinks_LinkId" FOREIGN KEY ("LinkId") REFERENCES "ChainLinks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EnterpriseChainLinks_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ChainLinks_ChainId_Stage_SortOrder" ON "ChainLinks" ("ChainId", "Stage", "SortOrder");

CREATE UNIQUE INDEX "IX_ChainLinks_Code" ON "ChainLinks" ("Code");

CREATE INDEX "IX_DirectoryChainLinks_LinkId" ON "DirectoryChainLinks" ("LinkId");

CREATE INDEX "IX_EnterpriseChainLinks_LinkId" ON "EnterpriseChainLinks" ("LinkId");

CREATE UNIQUE INDEX "IX_IndustryChains_Code" ON "IndustryChains" ("Code");

