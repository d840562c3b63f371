-- Who benefits from and who pays for the workspace's ads (EU Digital Services Act): Meta requires both on every ad
-- set shown in the EU; SocialSync sends them with each ad set it creates when they are set here.
ALTER TABLE ad_accounts ADD COLUMN dsa_beneficiary VARCHAR(500);
ALTER TABLE ad_accounts ADD COLUMN dsa_payor VARCHAR(500);
