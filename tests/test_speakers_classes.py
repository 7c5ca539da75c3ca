"""Speaker attribution by error class (tuning passes with no new annotations: the dev misses sorted by
cause). Each row is an invented text, the sentence in it (its first words) or the quote (its first
words) whose speaker is checked, and the expected speaker; each states one general rule of English news
style. Rows marked xfail are known misses of the class.

The pronoun rows (``PRONOUN_*``) are whom "he" and "she" stand for: a subject pronoun goes on with the
subject or the last speaker of the sentences before (centering), not with someone named only in the
possessive, as an object or inside a quote."""

from __future__ import annotations

import pytest

from claims.quotes import find_attribution, find_quotes

# (rule, text, first words of the reported sentence, expected speaker)
REPORTED = [
    ("'Video game giant Acme Games (AG) says …. The US firm says …': a name followed by its initials in brackets "
     "is a body, which 'the US firm' stands for", "Video game giant Acme Games (AG) says it wants to grow.\n\nThe "
     "US firm says it wants to compete with Disney.", "The US firm", "Acme Games"),
    ("'Acme said …. It would also …. It also announced …': a sentence that opens with 'It' names no body, so "
     "'it' goes back to the body that spoke", "Acme said it would cut its prices. It would also double its "
     "hotspots. It also announced it was installing wi-fi on trains.", "It also announced", "Acme"),
    ("'Tory headquarters says …': a name and the kind of body it is, with no determiner, speak together",
     "Tom Hale quit as deputy chairman.\n\nTory headquarters says he cannot stand as a candidate.", "Tory headquarters",
     "Tory headquarters"),
    ("'The Acme report concludes that …': the present tense of 'concluded', before 'that', reports a finding "
     "stated in words", "Sales fell. The Acme report concludes that firms need to act.", "The Acme report",
     "the Acme report"),
    ("'The agent also stressed …': 'agent' (like 'referee', 'umpire', 'promoter') is a person noun, so the "
     "description stands for the person named before", "Tom Hale says no approach has been received. The agent also "
     "stressed that nothing should be read into the visit.", "The agent", "Tom Hale"),
    ("'Despite insisting …, the newspaper suggested …': a participle after a leading preposition has the main "
     "clause's subject, not 'Despite'", "Tom Hale is impatient. Despite insisting he wants a deal, the newspaper "
     "suggested he may pull out.", "Despite", "the newspaper"),
    ("'The MP, who is consulting his lawyers, told …': 'the MP' is a description of the person named before",
     "Mr Tom Hale says he will stay. The MP, who is consulting his lawyers, told BBC News he would fight.", "The MP",
     "Tom Hale"),
    ("'Acme hopes …. The net firm estimates …': with no body speaking before, the description is the body the "
     "sentence before is about", "Internet portal Acme has made a screensaver. Acme hopes it will raise the bills of "
     "spammers. The net firm estimates that spammers could end up paying.", "The net firm", "Acme"),
    ("'Video game giant Acme Arts …. The US firm estimates …': the body after its lowercase description is the "
     "subject before (not 'Video'; 'the US firm' as written until session 16)",
     "Video game giant Acme Arts makes games. The US firm estimates that sales will double.",
     "The US firm", "Acme Arts"),
    ("'has made it clear he is …': 'made it clear' before a pronoun subject reports a clause",
     "Defender Tom Hale is close to a new deal. And the 30-year-old, whose contract runs out in the summer, has made "
     "it clear he is determined to win the title.", "And the", "Tom Hale"),
    ("'The Bishop of Leeds, the Rt Rev Dr Tom Hale, said …': the name after its forms of address, not the role",
     "The Bishop of Leeds, the Rt Rev Dr Tom Hale, said the novel was lousy history.", "The Bishop",
     "Tom Hale"),
    ("'The Archbishop of York, the Most Rev Ann Reed, said …'", "The Archbishop of York, the Most Rev Ann Reed, "
     "said the report was unfair.", "The Archbishop", "Ann Reed"),
    ("'Tom Hale, Dr Who fan, said …': a description after the name is no name of its own",
     "Tom Hale, Dr Who fan, said the show was back.", "Tom Hale", "Tom Hale"),
    ("'the Bishop said …': the person named with the title before", "The Bishop of Leeds, Dr Tom Hale, spoke first. "
     "Despite enjoying Dan Brown's book, the Bishop said there was a lack of evidence.", "Despite", "Tom Hale"),
    ("'…, according to the Chancellor': the person named with the title before", "Chancellor Ann Reed set out her "
     "plans. The deficit will halve by 2009, according to the Chancellor.", "The deficit", "Ann Reed"),
    ("'The BPI welcomed the news, but warned …': an acronym subject goes on after 'but'",
     "The BPI welcomed the news of the sentence, but warned there are plenty of other pirates.", "The BPI", "the BPI"),
    ("'his argument that …' is a noun of saying", "Tom Hale accused the industry of snobbery. But his argument that "
     "the award should help sell books is not shared by everyone.", "But his", "Tom Hale"),
    ("'According to figures gathered by industry watchdog, Acme, …': the body named after its description",
     "According to figures gathered by industry watchdog, Acme, the growth means the UK leads.", "According to",
     "Acme"),
    ("'Tom Hale, of Acme Music Society, was playing … but said …': the name before its comma is the subject",
     "Tom Hale, of Acme Music Society, was playing another gig but said he was determined to come.", "Tom Hale",
     "Tom Hale"),
    ("'he' goes on with a person whose known first name makes him one (Joshua), not a name inside his dash aside",
     "The work was missing. Joshua Hale - a composer and interpreter of Bach - has recreated the parts.\n\nHe said "
     "he wanted to let it lie.", "He said", "Joshua Hale"),
    ("'According to Hale's agent, …': a possessive and one role word are the speaker",
     "According to Hale's agent, the player dismissed a move to Leeds.", "According to", "Hale's agent"),
    ("'…, said Hale's agent.' after the clause", "The player will stay, said Hale's agent.", "The player",
     "Hale's agent"),
    ("'an announcement by X that …': a noun of saying with its speaker after 'by'",
     "The site closed following an announcement by the Acme Film Association that it was suing users.",
     "The site", "the Acme Film Association"),
    ("'an announcement by X about …' reports no clause", "The site closed after an announcement by Acme about "
     "the fees, Ann Reed said.", "The site", "Ann Reed"),
    ("'hinted he thinks …': 'hinted' before a pronoun subject reports a clause",
     "Tom Hale has also hinted he thinks Leeds may win.", "Tom Hale", "Tom Hale"),
    ("'some watchers point out that …' in the present tense", "And some watchers point out that the price may fall.",
     "And some", "some watchers"),
    ("'X have protested that …'", "European firms have protested that US laws are too costly.", "European firms",
     "European firms"),
    ("'Some websites report that …'", "Some technical websites report that most visitors use Firefox.",
     "Some technical", "some technical websites"),
    ("a bare plural noun as the speaker ('developers said')", "In the first year at least, developers said gamers "
     "should not expect much.", "In the first", "developers"),
    ("a reflexive after the subject ('Tom Hale himself says') is no part of it",
     "Tom Hale himself says he is relishing the hype.", "Tom Hale", "Tom Hale"),
    ("'Research group Acme Labs estimates sales will hit …': 'estimates' before a clause with no determiner is a verb",
     "Research group Acme Labs estimates sales will hit 200,000 in 2005.", "Research group", "Acme Labs"),
    ("'Treasury estimates of growth have been cut': 'estimates' before a preposition is a noun",
     "Ann Reed said Treasury estimates of growth have been cut.", "Ann Reed", "Ann Reed"),
    ("'But even before Acme said …, Tom Hale insisted …': an attribution inside a subordinate clause opening the "
     "sentence is not the sentence's", "Tom Hale was dropped. But even before Acme said the player would not be "
     "sold, Tom Hale insisted he would not leave.", "But even", "Tom Hale"),
    ("'…, claims his agent.': 'claims' inverted after a comma; the noun phrase after it speaks",
     "Tom Hale may not play until March, claims his agent.", "Tom Hale may", "his agent"),
    ("'which its makers claim is …': 'claim' before a finite verb reports a clause",
     "The Acme robot runs at 3km/h, which its makers claim is four times as fast as Qrio.", "The Acme robot",
     "its makers"),
    ("'Spain claimed the title in May, Ann Reed said.': 'claimed' with a thing as its object reports no words",
     "Spain claimed the title in May, Ann Reed said.", "Spain claimed", "Ann Reed"),
    ("sentence-opening 'The' before a capitalised title is a description ('The Foreign Secretary said')",
     "Foreign Secretary Ann Reed flew to Rome. The Foreign Secretary said the talks had gone well.",
     "The Foreign Secretary", "Ann Reed"),
    ("sentence-opening 'The' before a nationality is a description ('The Brazilian confirmed')",
     "Chelsea striker Tom Hale was sent off. The Brazilian confirmed he would appeal.",
     "The Brazilian", "Tom Hale"),
    ("a body named with 'The' that ends in no title stays a name ('The Guardian said')",
     "Ann Reed resigned in May. The Guardian said she had been forced out.",
     "The Guardian", "Guardian"),
    ("a one-word name after a possessive ('Arsenal's Edu') is a person when it speaks elsewhere",
     "Chelsea's Duda has spoken about the row.\n\nThe Brazilian admitted tempers had flared. Later, Duda added "
     "that he regretted it.", "The Brazilian", "Duda"),
    ("'the company' that speaks is the body last named as a speaker ('Acme Corp said …. Later the company said')",
     "Acme Corp said sales rose. Later the company said it was sad.",
     "Later the company", "Acme Corp"),
    ("'X, founder of Acme Media, which backs small firms, said': the name before the role speaks, not the body",
     "Sales fell. Tom Hale, founder of Acme Media, which backs small firms, said the plan was bad.",
     "Tom Hale, founder", "Tom Hale"),
    ("'over his central claim that …': a noun of saying after a modifier, not the verb 'claim' with 'his central' "
     "for its subject", "Tom Reed got into trouble over his central claim that Tom Hale was planning cuts.",
     "Tom Reed got", "Tom Reed"),
    ("'Labour got into trouble over its central claim that …': 'its' in a noun of saying is the sentence's subject "
     "(a known miss until session 16)",
     "Labour got into trouble over its central claim that Tom Hale was planning cuts.", "Labour got", "Labour"),
    ("'X have long denied …': 'long' between the auxiliary and the verb is no part of the subject",
     "The Acme tribe have long denied their fathers ate meat.", "The Acme tribe", "the Acme tribe"),
    ("'…, a survey of 1,300 bosses suggests': a thousands comma ends no clause",
     "Most firms are upbeat about their prospects, a survey of 1,300 bosses suggests.", "Most firms",
     "a survey of 1,300 bosses"),
    ("'…, 2,000 fans said' after a plain comma list: the number with its thousands comma is one subject",
     "Prices rose in May, 2,000 fans said.", "Prices rose", "2,000 fans"),
    ("'The police in Spain, who have charged 19 people in Leeds, West Yorkshire, estimate': a place after a comma "
     "inside a relative clause is no subject; the phrase before 'who' is",
     "The police in Spain, who have charged 19 people in Leeds, West Yorkshire, estimate the fraud cost $4m.",
     "The police in Spain", "the police"),
    ("'Acme Labs, which is based in Leeds, said': a name before a relative clause with no inner comma still speaks",
     "Acme Labs, which is based in Leeds, said the fraud cost $4m.", "Acme Labs", "Acme Labs"),
    ("'X, European outreach coordinator for Y, said that': a coordinator is a role in apposition",
     "Sales fell. Tom Hale, European outreach coordinator for rights group Acme Watch, said that Acme had erred.",
     "Tom Hale, European", "Tom Hale"),
    ("'The BBC spokeswoman said': a body's spokesperson, not a woman named before",
     "Ann Reed is a singer. The BBC spokeswoman said the show would return.", "The BBC spokeswoman",
     "the BBC spokeswoman"),
    ("'The Chelsea striker said': a capitalised word before another person noun still describes one named before",
     "Chelsea striker Tom Hale scored twice. The Chelsea striker said he was happy.", "The Chelsea striker",
     "Tom Hale"),
    ("'the firm' after a one-word body that spoke ('Crane said …. The firm added')",
     "\"We are sorry,\" Crane said in a statement. The firm added that it would pay.",
     "The firm added", "Crane"),
    ("'In a statement from X, the company denied': the body of the leading phrase, not one that spoke before",
     "Netcraft said sites fell. In a statement from Acme Europe announcing it, the company denied that this "
     "was its fault.", "In a statement", "Acme Europe"),
    pytest.param("Actors Tom Reed and Ben Hale have signed up for Ricky Gervais' new sitcom, the comedian has told "
                 "BBC News.", "Actors", "Ricky Gervais",
                 marks=pytest.mark.xfail(strict=True, reason="a description is never resolved to a person named in its "
                                         "own sentence, which news does when the name is only a possessive"),
                 id="miss-description-for-a-possessive-in-its-sentence"),
    ("'the company' with no body named before stays as written",
     "Sales fell in May. The company said it was sad.", "The company", "the company"),
    pytest.param("Internet portal Acme has made a screensaver. The net firm estimates that spammers could pay.",
                 "The net firm", "Acme",
                 marks=pytest.mark.xfail(strict=True, reason="a body that was only the subject of a sentence, and "
                                         "never spoke, is not what 'the net firm' resolves to"),
                 id="miss-body-description-to-a-subject-that-did-not-speak"),
    # Verbs of saying not read before (session 11).
    ("'disclosed (last year) that' reports speech",
     "Singer Tom Hale, who hosts the show, disclosed last year that he had asthma.", "Singer Tom Hale", "Tom Hale"),
    ("'made it clear that' reports speech",
     "Ann Reed made it clear that a move abroad was possible.", "Ann Reed", "Ann Reed"),
    ("'speculate that' reports speech",
     "Analysts speculate that the phone will sell well.", "Analysts", "Analysts"),
    ("'revealed' before a clause with no 'that' reports speech ('X … and revealed all clubs were told')",
     "Tom Hale was head of the league and revealed all clubs were told of the change.", "Tom Hale", "Tom Hale"),
    ("'alleged' before a clause with no 'that' reports speech",
     "The Daily Post alleged Acme Ltd would charge clients for access.", "The Daily Post", "Daily Post"),
    pytest.param("Acme Ltd revealed a plan that was widely mocked.", "Acme Ltd", None,
                 id="'revealed' before an object with a relative clause reports no speech"),
    ("'according to various newspapers': newspapers speak without a determiner",
     "Ann Reed will play the lead, according to various newspapers.", "Ann Reed", "various newspapers"),
    ("'Data collected by X suggests': the body that collected it",
     "Data collected by eBay suggests that shoppers are buying early.", "Data collected", "eBay"),
    ("a name joined by a slash ('Nielsen/NetRatings') is one name",
     "Over 50 million people have broadband, according to market analysts Acme/NetStats.", "Over 50",
     "Acme/NetStats"),
    # A role and the body it speaks for, and relative clauses inside the subject (session 11).
    ("'A spokesman for the X Summit for the Y Society said': the role and its body, however long",
     "A spokesman for the Acme Summit for the Trade Society said the gap was real.", "A spokesman",
     "a spokesman for the Acme Summit for the Trade Society"),
    ("'A spokesman for X (ABBR), which …, said': the description before the bracket and the relative clause",
     "A spokesman for the Acme Summit for the Trade Society (ATS), which meets in Leeds, said the gap was real.",
     "A spokesman", "a spokesman for the Acme Summit for the Trade Society"),
    ("'A spokesman for X and Y (ABBR) which represents Z said': a relative clause with no commas is no subject",
     "A spokesman for the Guild of Printing and Binding Firms (GPBF) which represents the UK's print trade said "
     "the risk was small.", "A spokesman", "a spokesman for the Guild of Printing and Binding Firms"),
    ("'The man who shot X said': the noun phrase before a relative clause with no commas",
     "The man who shot Tom Hale said he was sorry.", "The man", "the man"),
    ("'Juninho's agent has confirmed that': a possessive before 'agent' is a description of the speaker",
     "Tom Hale's agent has confirmed that the player wants talks.", "Tom Hale's", "Hale's agent"),
    ("'X estimates the number … has exceeded': a name, 'estimates', then a clause with no 'that'",
     "Blog firm Acmerati estimates the number of blogs, the so-called blogosphere, has exceeded four million.",
     "Blog firm", "Acmerati"),
    pytest.param("Acme estimates of growth were cut.", "Acme estimates", None,
                 id="'estimates of' is a noun: no speech"),
    ("'The coach went on to claim that': the subject before 'went on to'",
     "Coach Tom Hale was livid. The England coach went on to claim that only one side was refereed.",
     "The England", "Tom Hale"),
    # "it said" closing its sentence (session 11).
    ("'…, it said.' closing its sentence: 'it' is not the subject of the words it reports",
     "The Widget Council said sales rose. The records even beat its own forecasts, it said.",
     "The records", "Widget Council"),
    # Descriptions of one body (session 11).
    ("'the US firm': a nationality inside a description of one body",
     "Acme said sales rose. The US firm said it would hire more staff.", "The US firm", "Acme"),
    ("'the chip maker': a maker as the head of a description of one body",
     "Acme said profits fell. The chip maker added that it would cut jobs.", "The chip maker", "Acme"),
    ("'EA, a leading games developer and publisher, added that': the body before an appositive headed by a body noun",
     "AX, a leading games developer and publisher, added that the delay was vital.", "AX, a", "AX"),
    ("'the publisher said': a description of one body, like 'the company'",
     "Acme said sales rose. The publisher added that it would hire.", "The publisher", "Acme"),
    ("'X did this and said': a charity is a body that can be the subject",
     "The charity welcomed the news and said the money would help.", "The charity", "the charity"),
    ("'Finnish security firm Acme-Safe … but said': the name after a nationality and a lowercase description",
     "Finnish security firm Acme-Safe issued a warning but said that the bug did no harm.",
     "Finnish security", "Acme-Safe"),
    ("a possessive whose apostrophe follows an s ('Neil Jenkins' Wales cap record') ends the name: Wales is no person "
     "that 'the veteran lock' could stand for",
     "Wales record cap holder Gareth Llewellyn will retire. He broke Neil Jenkins' Wales cap record in 2004.\n\nThe "
     "veteran lock, who is 36, told BBC Wales Scrum V that it is time for him to go.", "The veteran lock",
     "Gareth Llewellyn"),
    ("'Hale's claims he had torn a hamstring': a noun of saying with its clause and no 'that' is Hale's, not the "
     "subject's",
     "Tom Reed was involved in a spat with Britain's Darren Hale earlier this year. The American had cast doubt on "
     "Hale's claims he had torn a hamstring.", "The American", "Hale"),
    ("'the Acme report on mobile TV in Europe suggests …': the document speaks, not the place its topic names",
     "But, the Acme report on mobile TV broadcasting in Europe suggests direct broadcasting will have to wait.",
     "But, the Acme", "the Acme report"),
    ("'But the work's author, US playwright Ann Reed, says …': the name after a role in apposition to a description",
     "But the work's author, US playwright Ann Reed, says it is all about women's empowerment.", "But the work's",
     "Ann Reed"),
    ("'… (reported by the Swiss daily Le Matin)': a bracketed passive credits its agent; 'Le' opens a name after a "
     "lowercase noun",
     " - A flight turned around after someone took a picture of metal falling from the plane (reported by the Swiss "
     "daily Le Matin).", " - A flight", "the Swiss daily Le Matin"),
    ("'…, as reported by Reuters': the same after a comma",
     "Sales rose 5% in May, as reported by Reuters.", "Sales rose", "Reuters"),
    ("'The crime reported by police was minor': a participle inside a noun phrase reports nothing",
     "The crime reported by police was minor.", "The crime", None),
    ("'According to analysts Nielsen//NetRatings, …': a double slash stays inside the name",
     "According to analysts Nielsen//NetRatings, more than 50% of UK net users are logging on at high speed.",
     "According to", "Nielsen//NetRatings"),
    ("'Manufacturers' organisation, the EEF, said …': an acronym in apposition to a description, after 'the'",
     "Manufacturers' organisation, the EEF, said it expected the hold in interest rates to continue.",
     "Manufacturers'", "EEF"),
    ("'backed by recent research which suggests that …': the bare noun phrase a relative clause follows",
     "This is backed by recent research which suggests that the number of Europeans with broadband has exploded.",
     "This is backed", "recent research"),
    ("'…, the report concludes.': 'concludes' closing its sentence is an attribution too",
     "The idea that the digital divide will evaporate with time is wishful thinking, the report concludes.",
     "The idea that", "the report"),
    ("'…, leading Argonaut to warn that …': the one a causative verb makes speak, not the sentence's subject",
     "Those new deals were further delayed, leading Argonaut to warn in mid-October that it was running out of cash.",
     "Those new deals", "Argonaut"),
    ("… after a leading phrase, with a body named in the sentence before",
     "The campaign began with the calling of a cabinet meeting. During the phoney campaign, Labour got into trouble "
     "over its central claim that Michael Howard was planning cuts.", "During the phoney", "Labour"),
    ("'Manager Tom Hale has defiantly claimed that …': the auxiliary before an adverb is no part of the subject",
     "Manager Tom Hale has defiantly claimed that he expects Reed to stay at the club.", "Manager Tom", "Tom Hale"),
    ("'Parry also revealed the club is ready …': 'revealed' with a clause that opens with 'the' and a verb soon after",
     "On the subject of the club's finances, Parry also revealed the club is ready to explore a sponsorship deal.",
     "On the subject", "Parry"),
    ("'Critics say …. They say …': 'Critics' opening a sentence is many, whom 'They' goes on with",
     "Critics say the law would favour large firms over small ones. They say it could have massive ramifications for "
     "open source software.", "They say", "Critics"),
    ("'He clarified that …' is a verb of saying",
     "Tom Hale spoke on the radio on Friday. He clarified that he meant he would be in Leeds this weekend.",
     "He clarified", "Tom Hale"),
    ("'who confessed to be behind …' is one too",
     "One high-profile arrest was that of German teenager Tom Hale who confessed to be behind the virus families.",
     "One high-profile", "Tom Hale"),
    ("'One newspaper proclaimed that …' is one too",
     "One newspaper proclaimed that England were still the number one side in the world.", "One newspaper",
     "one newspaper"),
    ("'character Dot confided in Den Watts that …' is one too",
     "Long-running soap Acme won the award when character Dot confided in Den Watts that she was unwell.",
     "Long-running", "Dot"),
    ("'…, the report forecasts.' is one too, closing its sentence",
     "Those on low incomes will account for a quarter of the digital have-nots by 2025, the report forecasts.",
     "Those on low", "the report"),
    ("'There are 30 handsets … while Acme said …': an expletive 'There' does not govern the clause after 'while'",
     "There are 30 handsets available from makers including Nokia while Acme said more than 14.9 million consumers "
     "can use it.", "There are 30", "Acme"),
    ("'There are … patents in the US and open source developers argue that …': nor after 'and'",
     "There are 300,000 registered software patents in the US and open source developers argue that many should "
     "never have been granted.", "There are", "open source developers"),
    ("'The EU says …': 'the' and a body's initials name the body, not a person 'the American' could describe",
     "The law is vital, an EU spokesman said. Poland is a large EU member. The EU says the law would bring Europe in "
     "line with the US.", "The EU says", "the EU"),
    ("'Ireland hooker Shane Byrne echoed … but admitted …': a body, a lowercase role and the person's name",
     "Ireland hooker Shane Byrne echoed the comments but admitted the game had been England's best outing.",
     "Ireland hooker", "Shane Byrne"),
    ("'Colin MacIntyre, of Mull Historical Society, said …': not the body after a comma and 'of'",
     "Colin MacIntyre, of Mull Historical Society, said he was determined to play the benefit.", "Colin",
     "Colin MacIntyre"),
    ("'but engineers said …': a bare plural noun before the verb is the speaker, as written",
     "Last year, roads were cordoned off, but engineers said they were happy that it was safe.", "Last year",
     "engineers"),
    ("'…, local press reports.': a collective noun with no plural ending speaks too",
     "Algeria suffered a weekend of violent protests against plans to raise gas prices, local press reports.",
     "Algeria suffered", "local press"),
    ("'… and phones only adds to …, said Mr Jain': a plural does not take 'adds', so it is no speaker",
     "The fact that services are not interoperable across networks and phones only adds to the reluctance to use "
     "them, said Mr Jain.", "The fact that", "Jain"),
    ("'His son said …' after 'Mr Hale's son Stephen, 57, said …': the son named before",
     "The tapes of Tom Hale's sessions go on sale. Mr Hale's son Stephen, 57, said the family needed the money. Mr "
     "Hale died in 1994. His son said the tapes were the best copies.", "His son said", "Stephen"),
    ("'His son said …' with no son named stays as written (not the father)",
     "Tom Hale died in 1994. His son said the tapes were the best copies.", "His son said", "His son"),
    ("'according to the Sunday Times': a weekday inside a paper's name does not end it",
     "But Pop Idol mogul Tom Hale has seen his wealth plummet to £75m, according to the Sunday Times.",
     "But Pop Idol", "the Sunday Times"),
    ("'Acme said on Sunday': a weekday after the speaker still ends the phrase",
     "The firm will cut 100 jobs, Acme said on Sunday.", "The firm will", "Acme"),
    ("'X, editor-in-chief of Y, said …': a hyphenated role in apposition ('editor-in-chief') describes the name before",
     "Elliott Wilson, editor-in-chief of hip-hop magazine XXL, said the feud would boost publicity for the release.",
     "Elliott Wilson", "Elliott Wilson"),
    ("'The paper quoted Tom Hale as saying …': the one quoted, not the paper",
     "The Daily Post quoted Tom Hale as saying the firm would cut 100 jobs.", "The Daily Post", "Tom Hale"),
    ("a description opening the article is the person named at the start of the next paragraph, who speaks",
     "The guitarist with US rock band Acme has quit the music business, saying he made the decision after a "
     "religious awakening.\n\nTom Hale told a radio station that his bandmates respected it.", "The guitarist",
     "Tom Hale"),
    ("… or who is named in full at its start",
     "The man who said he got the film off the ground has been shut out of the Oscar race.\n\nTom Hale battled "
     "over his role with the studio.", "The man", "Tom Hale"),
    ("a description opening the article stays as written when the next sentence names no one first",
     "The man who said he got the film off the ground has been shut out of the Oscar race.\n\nThe studio battled "
     "over his role with Tom Hale.", "The man", "the man"),
    ("'During his speech Mr Hale took …': a short leading phrase with no comma before the subject",
     "Tom Hale spoke in Paris. During his speech Mr Hale took several swipes at Acme and said consoles had to be "
     "made with developers in mind.", "During", "Hale"),
    ("'The pair spent four days …, claiming …': the verb before a number ends the subject, and the pair is the two "
     "people named together before",
     "Greek sprinters Tom Hale and Ann Reed missed a test. The pair spent four days in a hospital, claiming they had "
     "been injured in a crash.", "The pair", "Tom Hale and Ann Reed"),
    ("'the pair' with no two people named together stays as written",
     "Tom Hale and his coach missed a test. The pair spent four days in a hospital, claiming they had been injured "
     "in a crash.", "The pair", "the pair"),
    ("a body opening the article is not the person the next paragraph names",
     "The Acme government says it could step in to save the airline.\n\nAirport chief Tom Hale said talks were "
     "going on.", "The Acme", "the Acme government"),
]

# (rule, text, first words of the quote, expected speaker)
QUOTES = [
    pytest.param("\"Everything is going digital,\" Ann Reed from the Consumer Electronics Association, told the BBC.",
                 "Everything is going", "Ann Reed",
                 marks=pytest.mark.xfail(strict=True, reason="a stray comma between a name with its affiliation and "
                                         "the verb hides the attribution (reading past it cost dev rows in session 12)"),
                 id="miss-stray-comma-before-the-verb-after-a-quote"),
    pytest.param("Software giant Acme thinks IPTV is the future, and it sits neatly with its vision of the "
                 "\"connected entertainment experience\".", "connected entertainment", "Acme",
                 marks=pytest.mark.xfail(strict=True, reason="a scare quote in narrative is credited to no one, though "
                                         "the annotations credit the body whose words it is (tried in session 13: no "
                                         "dev gain)"),
                 id="miss-scare-quote-of-the-sentence-subject"),
    ("'Andy Reed won … and claimed …, but Hale is unfazed. He admitted: \"…\"': a person after 'but' turns the "
     "topic, and 'he' goes on with that person", "James Hale is in form. Russian Andy Reed won in Madrid last week "
     "and then claimed the race would be between himself and Okken, but Hale is unfazed.\n\nHe admitted: \"He "
     "looked good in his win.\"", "He looked good", "Hale"),
    ("'\"…,\" said Hale. \"…\" Reed said: \"…\"': an attribution ending in a colon before an opening mark "
     "introduces the next quote, not the one it follows", "\"It is a great honour,\" said Tom Hale. \"It is one of "
     "the biggest honours in the sport and a great end to a great year. \" Reed said: \"I feel proud.\"",
     "It is one of the biggest", "Tom Hale"),
    ("'The seventh seed, who is to meet Reed …, is looking forward to it. \"…,\" he said': a person description "
     "opening a sentence is a mention of whom it stands for, which 'he' goes on with", "Tim Hale beat Saulnier last "
     "year. The seventh seed, who is lined up to meet Andy Reed in the last eight, is looking forward to the match. "
     "\"He is a tough player,\" he said.", "He is a tough", "Tim Hale"),
    ("'Franz Ferdinand frontman Tom Hale has called …. \"…,\" he said': a name before a role noun and a name is "
     "the band the person belongs to, not a person 'he' can be", "Franz Ferdinand frontman Tom Hale has called for "
     "more help. \"Musicians need state input,\" he said.", "Musicians need", "Tom Hale"),
    ("'… leaders Barcelona and Hale is confident …. He added: \"…\"': a plural role noun before one name is a "
     "side ('leaders Barcelona'), not a person 'he' can be", "Tom Hale scored. Victory took Real to within six points "
     "of leaders Barcelona and Hale is confident. He added: \"We had several chances.\"", "We had several",
     "Hale"),
    ("'said Acme Cup doctor Tom Hale': 'doctor' before a name is a title, the body before it no speaker",
     "\"He has to strengthen it,\" said Acme Cup doctor Tom Hale.", "He has to", "Tom Hale"),
    ("'said Cebit organiser Tom Hale': so is 'organiser'", "\"The house will be wired,\" said Cebit organiser Tom "
     "Hale.", "The house", "Tom Hale"),
    ("'Matchwinner Hale was full of praise. \"…,\" said the Leeds striker': 'matchwinner' is a descriptor before "
     "a surname, which the description then stands for", "Tom Hale scored. \"It was a fine goal,\" said Reed. "
     "Matchwinner Hale was another full of praise for Duff's role. \"It was great play,\" said the Leeds striker.",
     "It was great play", "Hale"),
    ("'Man-of-the-match Tom Hale said: \"…\"': the descriptor is no part of the name",
     "Man-of-the-match Tom Hale said: \"We have more belief.\"", "We have more", "Tom Hale"),
    ("'\"…,\" the Bishop said. \"…,\" he said': the title and then 'he' go to the person named with the title",
     "The Bishop of Leeds, the Rt Rev Dr Tom Hale, wrote in the Echo. Dan Brown's book sold well. \"It is "
     "laughable,\" the Bishop said. Evidence proves the gospels, he added. \"We have a hundred manuscripts,\" he "
     "said.", "We have a hundred", "Tom Hale"),
    ("'As he arrived …, Mr Hale greeted the media, saying: \"…\"': the subject after a leading 'As' clause",
     "Both men helped Mr Hale. As he arrived at Spain's High Court earlier on Wednesday, Mr Hale greeted the "
     "waiting media, saying: "
     "\"I have full faith in justice.\"", "I have full faith", "Hale"),
    ("'A spokeswoman would only say: \"…\"': 'only' after the auxiliary is no part of the subject",
     "Tom Hale resisted calls to name the day. A Number 10 spokeswoman would only say: \"He will announce it when "
     "he wants.\"", "He will announce", "a Number 10 spokeswoman"),
    ("'he' after 'But even before Acme said …, Tom Hale insisted …' is the main clause's subject, not the body",
     "Tom Hale was dropped. But even before Acme said the player would not be sold, Tom Hale insisted he would not "
     "leave. \"I want to stay,\" he said.", "I want to stay", "Tom Hale"),
    ("a name after 'a'/'an' before a noun is a modifier ('an Alan Reed strike'), which 'he' passes over like a "
     "possessive",
     "Boss Tom Hale felt Leeds were never in danger.\n\nAn early own goal followed by an Alan Reed strike earned "
     "them a 2-1 win. \"Obviously winning the first leg helped,\" he said.", "Obviously", "Tom Hale"),
    ("a name after a body's possessive that opens a clause is a person ('Manchester United's Alex Ferguson has "
     "praised …'), whom 'the Old Trafford boss' stands for",
     "Manchester United's Alex Ferguson has praised his players.\n\n\"That was our hardest away game,\" said the Old "
     "Trafford boss.", "That was our", "Alex Ferguson"),
    ("a name after a person's possessive is what they own ('Graham Norton's Strictly Dance Fever would be …'), "
     "not someone 'she' stands for",
     "Ann Reed presents the show. Graham Norton's Strictly Dance Fever would be a priority for 2005. \"That is very "
     "much on the cards,\" she said.", "That is very", "Ann Reed"),
    ("'… after claiming away draws in Rome': a narrative sentence with 'claim' and a thing as its object is no "
     "attribution; the next quote goes on with the last speaker",
     "\"We can win the group,\" said Tom Hale. Spain and Italy are level on five points after claiming away draws "
     "in Rome and Paris. \"In Rome we did not play well.\"", "In Rome", "Tom Hale"),
    ("'he' after a sentence opening with a nationality description goes on with the person it stands for",
     "Chelsea's Duda has spoken about the row.\n\nThe Brazilian said tempers had flared. \"I saw people "
     "pushing,\" he told the club website. However, Duda tried to play it down, adding: \"It was nothing.\"",
     "I saw people", "Duda"),
    ("'The Prime Minister told the BBC: \"…\"': the person with that title named before",
     "Prime Minister Tom Hale spoke in Leeds. The Prime Minister told the BBC: \"We will win.\"",
     "We will win", "Tom Hale"),
    ("a playing position before a name ('Leeds centre Tom Hale') marks a person that 'the youngster' stands for",
     "Coach Ann Reed spoke first. Meanwhile, Leeds centre Piet Hale is delighted. \"It is incredible,\" the "
     "youngster said.", "It is incredible", "Piet Hale"),
    ("a hyphenated first name of a known one ('Jean-Luc') marks a person",
     "Coach Ann Reed spoke first. Later Jean-Luc Hale went home. \"It is incredible,\" the youngster said.",
     "It is incredible", "Jean-Luc Hale"),
    ("'The company added it was \"…\"': the body that spoke before, when it has no gender",
     "\"We are sad,\" Crane said in a statement. The company added it was \"committed to the case\".",
     "committed to", "Crane"),
    # A name in apposition after a role (batch 12, session 11).
    ("'said Acme technology director, Tom Hale': words before the role's head noun modify it; the name after "
     "the comma speaks", "\"There is no way,\" said Acme technology director, Tom Hale. \"It is free.\"",
     "There is no way", "Tom Hale"),
    ("'said ACME technology director, Tom Hale': the same after an acronym",
     "The ACME says prices are high. \"There is no way,\" said ACME technology director, Guido Hale.",
     "There is no way", "Guido Hale"),
    ("a quote after 'said ACME technology director, X' goes on with X",
     "The ACME says prices are high. \"There is no way,\" said ACME technology director, Guido Hale. \"In "
     "Spain it is free.\"", "In Spain", "Guido Hale"),
    ("'said Acme, the firm' with no role before the comma: no name in apposition",
     "\"There is no way,\" said Acme, the firm that makes the drug.", "There is no way", "Acme"),
    ("'\"…,\" Wales' team physiotherapist Tom Hale said': a physiotherapist is a role before a name",
     "\"He will have tests,\" Wales' team physiotherapist Tom Hale said.", "He will have tests", "Tom Hale"),
    ("'she' after 'The BBC spokeswoman said …' goes on with the spokeswoman, not a woman named before",
     "Ann Reed is a singer. The BBC spokeswoman said the show would return. \"It is on the cards,\" she said.",
     "It is on the cards", "the BBC spokeswoman"),
    ("'X, founder of Acme Media, which backs small firms, said … \"…\"': the relative clause belongs to the "
     "role's body; the name before the role speaks",
     "Sales fell. Tom Hale, founder of Acme Media, which backs small firms, said the plan was a \"bad idea\" "
     "for all.", "bad idea", "Tom Hale"),
    ("'\"…,\" X, from Acme's Labs, one of the pioneers of Y, told': the name before an affiliation and a "
     "description speaks, not the body", "\"We need more storage,\" Tom Hale, from Acme's Leeds Laboratories, one "
     "of the pioneers of the disc, told the BBC.", "We need more", "Tom Hale"),
    ("'X said talks with the producers revealed there was \"…\"': talks reveal a finding, so the quote is the "
     "reporter's", "Chief Tom Hale said talks with the Acme producers revealed there was \"a strong element\" of it.",
     "a strong element", "Tom Hale"),
    ("'X said the tests revealed \"…\"': the same with the finding noun right before the verb",
     "Tom Hale said the tests revealed \"a strong element\" of it.", "a strong element", "Tom Hale"),
    ("'Ann Reed revealed that \"…\"' after a person is still her speech",
     "Tom Hale spoke first. Ann Reed revealed that she was \"very happy\" with it.", "very happy", "Ann Reed"),
    ("'X, host of a radio show, said the band had \"…\"': a host is a role in apposition, so X speaks, not the "
     "subject of the reported clause", "Tom Hale, host of a radio show, said the band had \"great guitars\" and more.",
     "great guitars", "Tom Hale"),
    ("'X, head of Acme Labs, which …, said: \"…\"' before a colon quote",
     "Ann Reed, head of Acme Labs, which makes drugs, said: \"It is bad.\"", "It is bad", "Ann Reed"),
    ("'Acme Media, which backs small firms, said': a body before its relative clause still speaks",
     "Sales fell. Acme Media, which backs small firms, said the plan was a \"bad idea\".", "bad idea",
     "Acme Media"),
    ("'…on the red carpet.\"It is …,\" he told': a mark right after a sentence's end, before a capital, opens "
     "a quote with its space missing", "Tom Hale arrived late. He waved at the crowd on the red carpet.\"It is "
     "very loud here,\" he told the BBC.", "It is very loud", "Tom Hale"),
    ("'He said it could be \" very important …\".': a mark with a space on both sides opens a quote when the next "
     "mark closes it", "Tom Hale runs the project. He said the laptop could be \" very important to the child\". "
     "He said more.", "very important", "Tom Hale"),
    ("'\"… think: 'This is not my day.' \"But then …\"': a sentence ending inside a nested single quote ends it, so "
     "the next mark opens the quote's next segment", "\"I lost the first set, then you start to think: 'This is "
     "not my day.' \"But then you find a way,\" Tom Hale said.", "But then you find", "Tom Hale"),
    ("'X, superintendent of the Acme Theatre Foundation, said: \"…\"': a lowercase noun of a named body in "
     "apposition is a role, whatever the noun", "Ugo Zanetti, superintendent of the Acme Theatre Foundation, said: "
     "\"I am filled with sadness.\"", "I am filled", "Ugo Zanetti"),
    ("'Broadcast magazine said: \"…\"': a name and the kind of body it is, with no determiner, speak together",
     "The show did not fare well.\n\nBroadcast magazine said: \"British TV never sank so low.\"",
     "British TV never", "Broadcast magazine"),
    ("'In a statement Acme said …. It said: \"…\"': 'it' stands for the last speaker when that is a one-word "
     "name of no person", "In a statement Acme said the feature was still on trial. It said: \"The user can "
     "choose never to click.\"", "The user can", "Acme"),
    ("'It said: \"…\"' after a woman named by a first name spoke: she is no body, so 'it' stays unresolved",
     "In a statement Ann said the feature was still on trial. It said: \"The user can choose never to click.\"",
     "The user can", None),
    ("'…, which suggests the show may …. \"…\"': 'which suggests' draws the narrator's inference and reports no "
     "one, so the quote goes on with the last speaker", "\"The format is open,\" a BBC spokeswoman said. "
     "The show will sit beside the BBC Radio 1 chart show, which suggests it may air on Sundays. \"We think the slot will "
     "create a buzz.\"", "We think the slot", "a BBC spokeswoman"),
    ("'BBC Two controller Roly Keating: \"…\"': a name before a colon and a quote, with no verb, speaks",
     "The show moves in spring. BBC Two controller Roly Keating: \"It is an exciting new era.\"",
     "It is an exciting", "Roly Keating"),
    ("a quote opening its sentence after a sentence that opens with another person goes on with that person, "
     "not the speaker before",
     "Tom Hale told BBC Wales Sport: \"They should be out there.\" Bill Ruddock, though, is keen to protect his players "
     "from injury. \"At this stage, there is nothing more they can do.\"",
     "At this stage", "Bill Ruddock"),
    ("… unless the quote calls that person by name: the speaker before goes on",
     "Rob Reed worked with Marley from 1977. \"I joined in 1977,\" Reed said. Bob Marley was one of the most "
     "mesmeric people. \"He must have had an iron will. Bob was a very driven individual.\"",
     "He must have", "Reed"),
    ("'was called \"…\" by the sentencing judge': the agent after the quote of a passive characterisation",
     "Tom Hale, who made money from his trade, was called \"one of the biggest pirates in the UK\" by the sentencing "
     "judge.", "one of the biggest", "the sentencing judge"),
    ("'He was described as a \"…\" by Ann Reed': a named agent after the quote",
     "Tom Hale died on Monday. He was described as a \"consummate professional\" by Ann Reed.",
     "consummate professional", "Ann Reed"),
    ("'being described as \"…\" and \"…\" by scouts who saw them': a bare plural agent, for both quotes",
     "They struggled to attract record company attention, later being described as \"pretty damn average\" and "
     "\"strange and eerie\" by scouts who saw them live.", "pretty damn", "scouts"),
    ("a venue ('the National Indoor Arena') is no person that 'the 22-year-old' could stand for",
     "Yelena Isinbayeva set a new world mark on Friday. The meeting was held at the National Indoor Arena. "
     "\"I'm so happy,\" the 22-year-old told BBC Sport.", "I'm so happy", "Yelena Isinbayeva"),
    ("'Germaine Greer has criticised …': a name before 'has' and a past participle is a person whom 'She said' "
     "goes on with (a first name the lists do not know)",
     "Germaine Greer has criticised Celebrity Big Brother's \"bullying\" of housemates.\n\nShe said \"superior\" "
     "bullying tactics could encourage cruelty.", "superior", "Germaine Greer"),
    ("… but a club ('Manchester United has moved …') is no person: 'he said' skips it",
     "Alex Ferguson praised his players on Saturday. Manchester United has moved to the top of the table. \"We showed "
     "lots of character,\" he said.", "We showed", "Alex Ferguson"),
    ("'\"…,\" Mr Tanzi's statement said': a document after a person's possessive speaks, as written",
     "The group collapsed in 2003.\n\n\"I apologise to all who have suffered,\" Mr Tanzi's statement said.",
     "I apologise", "Tanzi's statement"),
    ("'…, with the Los Angeles Times labelling it a \"…\"': the participle's own subject after 'with', not the "
     "sentence's",
     "However, US critics were less complimentary about the project, with the Los Angeles Times labelling it a "
     "\"dispiriting vanity project\".", "dispiriting", "the Los Angeles Times"),
    ("'Meanwhile the Tories outlined their plans to tackle \"yob culture\"': a verb of stance credits its subject",
     "Labour met at No 10. Meanwhile the Tories outlined their plans to tackle \"yob culture\" and the Lib Dems gave "
     "more details.", "yob culture", "the Tories"),
    ("'The AFI also questioned \"…\"': the same for a body named before",
     "The American Film Institute (AFI) published its list. The AFI also questioned \"the long-term viability of "
     "evening news broadcasts\", in the light of 24-hour news channels.", "the long-term", "AFI"),
    ("'…, with 54% of companies calling it a \"significant threat\"': the share of respondents speaks",
     "The worry about low-cost competition has slightly fallen, with 54% of companies calling it a \"significant "
     "threat\".", "significant threat", "54% of companies"),
    ("'said Florida state archivist Jody Norman': a lowercase agent noun ('archivist', 'man') between a place and a "
     "name is a role",
     "\"It's incredible,\" said Florida state archivist Jody Norman.", "It's incredible", "Jody Norman"),
    ("… 'said Ulster man Humphreys' too",
     "Tom Reed starts at scrum-half. \"We have got to get the focus right,\" said Ulster man Humphreys.",
     "We have got", "Humphreys"),
    ("'\"…\" in 2005, said Kurt Karl': a short phrase between the closing mark and the comma before the attribution",
     "Demand is far from booming. \"It just keeps going stronger and stronger\" in 2005, said Kurt Karl, economist at "
     "Swiss Re.", "It just keeps", "Kurt Karl"),
    ("… nor when a later segment of the same quote names them ('\"… Simon Taylor is an outstanding player\"')",
     "As a result, Clive Woodward stressed his group was open. \"Scotland have not been impressive.\" And Scotland "
     "forward Simon Taylor looks certain to get the call. \"I took lessons from 2001 in that. \"Every player has to be "
     "looked at on their own merits and Simon Taylor is an outstanding player.\"", "I took lessons", "Clive Woodward"),
    ("'said the New Zealander': a two-word nationality noun describes the person named before",
     "Film maker Tom Hale is in Sydney. The Oscar winner said there was a \"desire\" to make it. \"I think it will take "
     "a lot of lawyers,\" said the New Zealander.", "I think it", "Tom Hale"),
    ("'…,\" his son said' after 'Mr Hale's son Stephen, 57, said': the son named before",
     "The tapes go on sale. \"People should enjoy them,\" Mr Hale's son Stephen, 57, said before the auction. Mr Hale "
     "died in 1994. \"He called them his back-up tapes,\" his son said.", "He called them", "Stephen"),
    ("'…,\" the newspaper quoted an insider in the talks as saying': the one quoted, not the paper",
     "Acme won the bid. \"They were able to move so quickly,\" the Financial Times newspaper quoted an insider in the "
     "talks as saying.", "They were able", "an insider in the talks"),
    ("'…,\" the newspaper quoted Acme chief executive Tom Hale as saying': the name after the role",
     "Acme wants to cut costs. \"We are going to have to get the lowest cost,\" the newspaper quoted Acme chief "
     "executive Tom Hale as saying. Early this year it hired.", "We are going", "Tom Hale"),
    ("'Tom Hale was quoted by The Daily Post as saying …': in the passive the subject speaks, not the paper",
     "Chief executive Tom Hale was quoted by The Daily Post newspaper as saying the carrier could no longer remain "
     "\"all-British\".", "all-British", "Tom Hale"),
    ("'Reasons: \"…\"': a colon after words that name no person gives no speaker",
     "The show moves in spring. The main reasons for the move: \"a new era\".", "a new era", None),
    ("'said BIFA founder and director Tom Hale': two roles joined by 'and' before the name",
     "\"The nominees reflect the strength of the field,\" said BIFA founder and director Tom Hale.",
     "The nominees reflect", "Tom Hale"),
    ("'said Acme chairman and chief executive Tom Hale': a two-word role after 'and'",
     "Sales rose by 5%. \"We are pleased,\" said Acme chairman and chief executive Tom Hale.", "We are pleased",
     "Tom Hale"),
    ("'said the chairman and Tom Hale': a name after 'and' is a second speaker, not a role of the first",
     "Sales rose by 5%. \"We are pleased,\" said the chairman and Tom Hale.", "We are pleased", "the chairman"),
    ("a quote left open, then narration and 'X said: \"…': the new mark opens X's quote, not closes the old one",
     "Bill Reed was sent off. \"Of course he will learn. I have been sent off a few times. Tom Hale is likely to "
     "start up front on Sunday. Acme boss Andy Reed said: \"Tom is an option but we need a second striker.\"",
     "Tom is an option", "Andy Reed"),
    ("the quote left open before the narration keeps its own speaker",
     "Bill Reed was sent off. \"Of course he will learn,\" said Bill Reed. \"I have been sent off a few times. Tom "
     "Hale is likely to start up front on Sunday. Acme boss Andy Reed said: \"Tom is an option.\"",
     "I have been sent off", "Bill Reed"),
    ("'It issued the warning …' makes no person of 'It': a later 'he' is the man named before",
     "Delays could grow, said Acme's chief technology officer Tom Hale.\n\nIt issued the warning after a study "
     "which shows that traffic rose. \"The rise should be seen as a clarion call,\" he said.", "The rise should",
     "Tom Hale"),
    ("'A PR expert has told the trial …' opening the article, then 'Ann Reed told the court': Ann Reed",
     "A PR expert has told the trial that the film was an \"absolute disaster\".\n\nAnn Reed told the court she "
     "was hired.", "absolute disaster", "Ann Reed"),
    ("a description that does not open the article is not named forward",
     "Sales rose. A PR expert has told the trial that the film was an \"absolute disaster\".\n\nAnn Reed told the "
     "court she was hired.", "absolute disaster", "a PR expert"),
    ("a colon inside a quote with no narration between leaves the quote whole",
     "Tom Hale said: \"There is one rule: \"play to win\".\" He left.", "There is one rule", "Tom Hale"),
]


# Whom "he" and "she" stand for.
PRONOUN_REPORTED = [
    ("a person named only in the possessive is no antecedent: 'He' goes on with the subject before",
     "Tom Reed praised his players. The win was sealed by Bill Hale's late goal. He said the side had earned it.",
     "He said", "Tom Reed"),
    ("a possessive stays the antecedent when no one else fits",
     "The shop was sealed off. Police found Tom Reed's car nearby. He said he had been away.",
     "He said", "Tom Reed"),
    ("a speaker named only as a possessor ('his claims that') does not outrank the sentence's subject",
     "Ann Reed has sued coach Tom Hale over his claims that she cheated.\n\nThe former champion says he lied.",
     "The former champion", "Ann Reed"),
    ("a description may stand for a possessor ('Mr Hale's film … the singer said')",
     "Ann Reed worked for Tom Hale in May. The film looked at Mr Hale's life. In it, the singer said he was shy.",
     "In it", "Hale"),
    ("'X is an Indian blogger': a name whose predicate noun is a person noun names a person",
     "Tom Hale writes a blog. Dina Rao is an Indian blogger who helps him. She says the blog is a resource.",
     "She says", "Dina Rao"),
    ("'X is a former …': no person noun right after the article, no evidence",
     "Kelso Hale is a former mill. It says the site is for sale.", "It says", "Kelso Hale"),
    ("a school is a body, not a person 'he' can stand for",
     "Born in 1912 and educated at Leeds Grammar School, Mr Reed became a clerk. "
     "When he left the Navy, he said he wanted to teach.",
     "When he", "Reed"),

    pytest.param("Acme said it would cut jobs. Tom Reed, the union's chief, told the BBC that the talks had failed. "
                 "Acme had offered a deal to the union, but he said it was too late.", "Acme had", "Tom Reed",
                 marks=pytest.mark.xfail(strict=True, reason="a one-word company name that speaks elsewhere is taken "
                                         "for a person 'he' can stand for"),
                 id="miss-he-is-no-company-named-in-one-word"),
    ("a subject whose first name is known as a woman's ('Imelda Moss') is passed over for 'he'",
     "Imelda Moss, the star of the film, is also the choice of Tom Hale, a film editor. "
     "But while he tipped Ann Reed to win, he predicted a close contest.", "But while", "Tom Hale"),
    pytest.param("Zuleika Moss, the star of the film, is also the choice of Tom Hale, a film editor. "
                 "But while he tipped Ann Reed to win, he predicted a close contest.", "But while", "Tom Hale",
                 marks=pytest.mark.xfail(strict=True, reason="a subject of unknown gender ('Zuleika Moss') is taken over "
                                         "the man named after 'the choice of'"),
                 id="miss-he-after-subject-of-unknown-gender"),
]

# (rule, text, first words of the quote, expected speaker)
PRONOUN_QUOTES = [
    ("a list item on its own line opens a sentence: its name and colon credit its quotes, not the item's before",
     "Ann Cole rested.\n\n- Leeds boss Tom Hale: \"We are not confident. \"It is not looking good.\"\n"
     " - Hull boss Bill Reed: \"We know they can give us problems. \"Leeds have done well.\"",
     "Leeds have done", "Bill Reed"),
    ("the same with no colon after the name",
     "Ann Cole rested.\n\n- Leeds boss Tom Hale \"We are not confident. \"It is not looking good.\"\n"
     " - Hull boss Bill Reed \"We know they can give us problems. \"Leeds have done well.\"",
     "We know they", "Bill Reed"),
    ("'the 30-year-old' after 'the Moroccan' (a nationality, not a name) is the person named before",
     "Olympic champion Karim Idrissi is set to run in France.\n\nBut the Moroccan, who has not raced there "
     "for 15 years, will decide later. \"I will only run if I can win,\" said the 30-year-old.",
     "I will only run", "Karim Idrissi"),
    ("the same with 'the Chilean'",
     "Olympic champion Karim Idrissi is set to run in France.\n\nBut the Chilean, who has not raced there "
     "for 15 years, will decide later. \"I will only run if I can win,\" said the 30-year-old.",
     "I will only run", "Karim Idrissi"),
    ("'He added' after a sentence naming someone only in the possessive goes on with the subject before",
     "Tom Reed hailed Bill Hale for his goal. The comeback was capped by Hale's 20-yard drive. "
     "He added: \"Bill can play anywhere.\"",
     "Bill can play", "Tom Reed"),
    ("'…, he says,' after words that name someone (a scare quote's subject) is not that person; the quote "
     "in the next paragraph goes on with whom 'he' stands for",
     "Tom Reed has run the shop since 1990. The Bill Hale \"bully\" row, he says, is the latest blow.\n\n"
     "\"I do not understand what they are doing.\"",
     "I do not understand", "Tom Reed"),
    ("'When he …, he said: \"…\"': the main clause's pronoun goes on with the leading clause's pronoun, "
     "not with a person named in that clause",
     "Tom Reed was a minister for 20 years. His career was not without controversy. When he refused to "
     "support prime minister Bill Hale and Dame Ann Cole over the latter's plan, In Place of Work, in 1968, "
     "he said: \"I am not going to resign.\"",
     "I am not going", "Tom Reed"),
    ("'Ivan Petrov won … and claimed …, but Tom Reed is unfazed. He said: …': the person after 'but' (a known "
     "miss until session 13)", "Ivan Petrov won in Madrid and claimed the race would be his, but Tom Reed is "
     "unfazed.\n\nHe said: \"I never write myself off.\"", "I never write", "Tom Reed"),
    ("'He said: \"… Bill Hale …\"' after a sentence naming only Bill Hale: a person the quote calls by name is "
     "not whom 'he' stands for",
     "Tom Reed spoke about his captain. The club was asked about him in the talks for the striker Bill Hale. "
     "He said: \"They wanted more out of the deal for Bill Hale, but the answer was the same.\"",
     "They wanted more", "Tom Reed"),
    ("'…,\" he said' after a sentence naming only the man the quote praises goes on with the man before",
     "Tom Reed is the manager. Bill Hale scored the winner. \"Hale was excellent,\" he said.",
     "Hale was excellent", "Tom Reed"),
    ("'he' after 'A spokesman for X said …' goes on with the spokesman who spoke, not a man named before",
     "Tom Hale cut costs. A spokesman for the Acme Group said the risk was small. "
     "\"There is no concern,\" he said.", "There is no", "a spokesman for the Acme Group"),
    ("'she' after 'An Acme spokeswoman said …' goes on with her (a reported clause)",
     "Tom Hale cut costs. Ann Reed sued. An Acme spokeswoman said the risk was small. \"There is no concern,\" she "
     "said.", "There is no", "an Acme spokeswoman"),
    ("'he' after 'A spokesman for X (X) which represents … said …' goes on with the spokesman, not the man "
     "who spoke before him",
     "Tom Hirsch said banks should worry. Customers may not be able to get cash out at all, he added. A spokesman "
     "for the Association of Payment Services (Apacs) which represents the UK's banks said the risk from viruses "
     "was small. \"There is no concern,\" he said.", "There is no", "a spokesman for the Association of Payment Services"),
    ("'He said … \"fierce\"' after 'But a spokesman for X told BBC News that …' goes on with the spokesman",
     "Tom Hale said the school was fine. But a spokesman for the English National Ballet told BBC News that only "
     "two of the dancers were British. He said competition at auditions was \"fierce\" between dancers.",
     "fierce", "a spokesman for the English National Ballet"),
    ("'he said' after a quote of two sentences goes back past them to the spokesman who spoke before it",
     "Tom Hale said he was ill. The band's spokesman said that they would review their dates. \"We all want to "
     "play. Rest assured we will do so,\" he said.", "We all want", "the band's spokesman"),
    ("a role with its field before a name ('director of sport Emilio Garcia praised …') names a person whom "
     "'he said' goes on with",
     "\"We thought about it,\" club president Jose Luis Astiazaran said.\n\nAcme director of sport Emilio Garcia "
     "praised the fans inside the ground. \"It was an example of good citizenship,\" he said.",
     "It was an", "Emilio Garcia"),
    ("'he' after a spokeswoman spoke skips her (gender)",
     "Tom Hale cut costs. An Acme spokeswoman said the risk was small. \"There is no concern,\" he said.",
     "There is no", "Tom Hale"),
    # "it" opening a clause in a narrative sentence with a quote (session 11).
    ("'It expects a series of \"aggressive\" cuts': the body that spoke in the sentence before",
     "However, Acme Bank stressed that the slowdown would be mild. It expects a series of \"aggressive\" rate cuts.",
     "aggressive", "Acme Bank"),
    ("'In its bulletin, it flagged eight \"critical\" holes': 'it' after a leading phrase",
     "Acmesoft has warned users to update their PCs. In its monthly bulletin, it flagged eight \"critical\" holes.",
     "critical", "Acmesoft"),
    pytest.param("Acme Soft has warned users to update their PCs. In its monthly bulletin, it flagged eight "
                 "\"critical\" holes.", "critical", "Acme Soft",
                 marks=pytest.mark.xfail(strict=True, reason="a body named in two capitalised words that speaks is "
                                         "taken for a person, whom 'it' does not stand for"),
                 id="miss-it-for-a-two-word-body-name"),
    ("'it' after 'The Acme Council of Britain has complained …' is the whole name, 'of' inside it",
     "The Acme Council of Britain has complained to the watchdog. It says the show is \"unfair\" to many.",
     "unfair", "Acme Council of Britain"),
    ("'it' after 'The Bank of Leeds fell …' that never spoke stays with no one",
     "The Bank of Leeds fell in value. It means the \"broadcaster\" pays more.", "broadcaster", None),
    ("'But it warned that … major \"imbalances\"': 'it' after 'But'",
     "Acme Bank said growth was strong. But it warned that it had created major \"imbalances\" in the economy.",
     "imbalances", "Acme Bank"),
    ("'it' opening a paragraph goes on with the body that closed the paragraph before",
     "Acmesoft has warned users to update their PCs.\n\nIn its monthly bulletin, it flagged eight \"critical\" holes.",
     "critical", "Acmesoft"),
    ("'It means … the \"broadcaster\"': 'it' for a subject that never spoke credits no one",
     "Key to the appeal is the price. It means there is more than a link between the viewer and the "
     "\"broadcaster\" now.", "broadcaster", None),
    ("'…, which said it \"…\"': the body before the relative clause, its name holding 'for'",
     "The show met protests by the Guild for Fair Play, which said it \"exploits\" the weak.", "exploits",
     "Guild for Fair Play"),
    pytest.param("Joachim Hale beat Tom Reed. \"He is good,\" said Reed. Hale was more restrained: \"I must serve "
                 "better.\"", "I must serve", "Joachim Hale",
                 marks=pytest.mark.xfail(strict=True, reason="a name with an unknown first name that never speaks is "
                                         "not known as a person (taking a surname reused alone as a subject for one "
                                         "cost dev rows)"),
                 id="miss-unknown-first-name-subject-before-colon-quote"),
    # Person descriptions and first names (session 11).
    ("a first name news carries ('Mathew') marks a person, so his surname alone as a subject is what 'he' goes on "
     "with, not a man named after 'by'",
     "Coach Tom Reed picked Mathew Cole. Cole appeared unaffected by the tackles dished out by Piet Hale. \"I want "
     "more,\" he said.", "I want more", "Cole"),
    ("'Zara' and 'Hayley' are women's first names ('she' goes on with them)",
     "Tom Reed spoke first. Hayley Cole said the team would cope. \"It is fine,\" she said.", "It is fine",
     "Hayley Cole"),
    ("'the mother-of-nine said': a compound 'X-of-N' is headed by its first noun (a mother: a woman)",
     "Tom Reed spoke first. His mother Ann Reed said he was kind. \"He is good,\" the mother-of-nine said.",
     "He is good", "Ann Reed"),
    ("'Imelda' is a woman's first name: 'he' passes over the subject she is",
     "Imelda Cole is also the choice of Tom Hale, an editor. \"It will be close,\" he said.", "It will be close",
     "Tom Hale"),
    ("'said the top seed': a seed is a person that the description stands for",
     "Tom Hale won in Doha. \"I am happy,\" said the top seed.", "I am happy", "Tom Hale"),
    ("a sentence opening with 'The world number one' goes on with its person, not one named later in it",
     "Tom Hale beat Ivan Petrov in Rome. The world number one was taken the distance by Ivan Petrov in the final. "
     "\"I had a slow start,\" he said.", "I had a slow start", "Tom Hale"),
    ("'…,\" he revealed.' after a quote: 'revealed' ending its attribution reads it",
     "Tom Reed will play Cyril Hale in the final. \"It is frustrating,\" admitted Reed. Hale will move into the "
     "top 50. \"It has taken a lot of work,\" he revealed.", "It has taken", "Hale"),
    ("'Speaking to Le Monde, the 24-year-old Swiss added': a leading phrase is no apposition; a nationality "
     "after an age describes a person",
     "Ann Reed will play. \"I support charities,\" she said. Speaking to Le Monde, the 24-year-old Swiss added: "
     "\"There will be fewer people.\"", "There will be", "Ann Reed"),
    ("'points out former Olympian and BBC pundit Tom Hale': two roles of one person, the first capitalised",
     "\"It is a lot easier,\" points out former Olympian and BBC pundit Tom Hale.", "It is a lot", "Tom Hale"),
    # Terms and names in quotation marks that no one says (session 11).
    ("a term after 'known as' is credited to no one",
     "Tom Hale built a small program, known as an \"aggregator\", last year.", "aggregator", None),
    ("a nickname between a first name and a surname is credited to no one",
     "Ann Reed played with Milt Cole and David \"Bighead\" Hale.", "Bighead", None),
    ("a nickname is no one's words even when an attribution follows the name ('Antonio \"LA\" Reid, chairman of X, "
     "said')", "Acme said it had bought the label.\n\nAntonio \"Big\" Hale, chairman of Acme Music, said: \"I am "
     "happy.\"", "Big", None),
    ("'He announced himself with a \"Welcome to Leeds\" greeting': a reflexive object reports no words",
     "Tom Hale announced himself in the opening minute with a \"Welcome to Leeds\" greeting for Ann Reed.",
     "Welcome to Leeds", None),
    ("a quoted modifier before its noun ('a \"Welcome to Leeds\" greeting') is credited to no one",
     "Tom Hale gave Ann Reed a \"Welcome to Leeds\" greeting on the wing.", "Welcome to Leeds", None),
    ("a quoted slogan after a possessive, before its noun, is credited to no one",
     "Mr Hale ran the firm's \"Just buy it\" advertising campaign.", "Just buy it", None),
    ("a quoted phrase after a possessive and before a verb is still the possessor's",
     "Ann Reed took bets. But Tom Hale's \"clear evidence\" came on Friday.", "clear evidence", "Tom Hale"),
    pytest.param("Kelly Reed has again chosen to tick the \"don't know\" box.", "don't know", "Kelly Reed",
                 marks=pytest.mark.xfail(strict=True, reason="a quoted modifier that is the subject's own answer is "
                                         "not told from a slogan or a term before its noun"),
                 id="miss-quoted-modifier-that-is-the-subjects-words"),
    ("'he told' after words that call someone by the first name of a full name given before is not that person",
     "Tom Hale has rapped skipper Olof Berg for his remarks.\n\nBerg spoke of his dislike of the rivals. "
     "\"I've had more than a quiet word with Olof,\" he told the club's website.",
     "I've had more", "Tom Hale"),
    ("the same person called by the surname: still not them",
     "Tom Hale has rapped skipper Olof Berg for his remarks.\n\nBerg spoke of his dislike of the rivals. "
     "\"I've had more than a quiet word with Berg,\" he told the club's website.",
     "I've had more", "Tom Hale"),
    ("words that call no one by name leave the nearest person",
     "Tom Hale has rapped skipper Olof Berg for his remarks.\n\nBerg spoke of his dislike of the rivals. "
     "\"I said what I felt,\" he told the club's website.",
     "I said what", "Berg"),
    ("'But while she …, she said: \"…\"': the same after 'But while'",
     "Ann Reed runs the shop with Tom Hale. But while she backed Mrs Kate Cole in May, she said: "
     "\"We are not friends.\"",
     "We are not", "Ann Reed"),
]


def _sentence_end(text: str, start: int) -> int:
    end = text.find(". ", start)
    return len(text) if end < 0 else end + 1


@pytest.mark.parametrize(
    "text, first_words, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in REPORTED + PRONOUN_REPORTED],
)
def test_reported(text, first_words, expected):
    start = text.index(first_words)
    assert find_attribution(text, start, _sentence_end(text, start), resolve=True) == expected


@pytest.mark.parametrize(
    "text, first_words, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in QUOTES + PRONOUN_QUOTES],
)
def test_quote(text, first_words, expected):
    quote = next(q for q in find_quotes(text) if q.text.startswith(first_words))
    assert quote.speaker == expected
