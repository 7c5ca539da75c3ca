"""Common first names by the gender they are mostly given to (claims.people: "he"/"she" resolution).

Lowercase given names common in English-language news: English, Scottish, Welsh and Irish names,
and the French, German, Dutch, Scandinavian, Italian, Spanish, Portuguese, Slavic and Greek names that
news about sport, business and entertainment often carries. Compiled by hand from general knowledge
of common given names (no data set was copied). Left out on purpose: names given to men and women
alike (alex, chris, jordan, kim, robin, leslie, jean, sasha), names that are also places, clubs or
months (chelsea, georgia, florence, milan, sofia, sydney, austin, may, june), and names that are
common words (hope, faith, grace, joy, summer), which would make a capitalised word a person.
The male list is the short one people.py had; a broader one (as many names again) cost dev rows on
the speakers bench (a man named only in a possessive, "Maurice Greene's record", became the
nearest person for "said the world indoor champion") and was not kept. Batch 10 added the short forms
and Irish, French, Spanish, Italian and Scandinavian names sport news carries that were missing (matt,
phil, danny, kieran, ronan, shaun, olivier, pierre, rafael, guillermo, lars …: a name after "by" at the
end of a sentence, "criticism by Matt Williams", is a person only when its first name is known);
names that are also common surnames (owen, lewis, grant, ross, dean) are still left out.
"""

from __future__ import annotations

FIRST_NAMES_MALE = frozenset("""
    matt phil pete rick ricky ron ronnie jon kenny danny dave darren damien dominic greg joel josh
    karl marcus nathan noel rory rupert shane eddie jeremy justin duncan alastair alistair iain
    kieran kieron ronan shaun declan liam niall seamus conor brendan gerry
    olivier pierre philippe thierry herve rafael guillermo pedro diego marco luca paolo jens lars
    sven olaf
    aaron adam adrian alan albert alexander alfred andrew andy anthony antonio arthur barry ben
    benjamin bernard bill billy bob brian bruce carl carlos charles charlie christopher colin craig
    daniel david dennis derek dmitry donald douglas edward eric frank fred gary gavin geoffrey george
    gerald gordon graham harry henry howard hugh ian jack jacques jake james jamie jason jeff jeffrey
    jim jimmy joe john jonathan jose joseph juan keith ken kenneth kevin larry lee luis malcolm mark
    martin matthew michael mick mike neil nick nicholas nigel oliver patrick paul peter philip
    ralph ray raymond richard rob robert robbie roger ronald roy russell ryan sam samuel scott sean
    sebastian sergei simon stephen steve steven stuart terry thomas tim timothy tom tony trevor
    victor vladimir walter wayne william dimitri dmitri
""".split())
FIRST_NAMES_FEMALE = frozenset("""
    alice alicia amanda amy andrea angela ann anna anne annie barbara betty beverley brenda carol
    caroline catherine charlotte cheryl christine claire clare diana diane donna dorothy elaine
    elizabeth ellen emily emma fiona frances gillian gloria hannah hazel heather helen hilary
    jacqueline jane janet jennifer jessica jill joan joanna josephine joyce judith judy julia julie
    karen kate katherine kathleen kathy kelly laura lesley linda lindsay lisa louise lucy
    margaret maria marie mary melanie michelle nadia natalie nicola norah olivia pamela patricia
    paula pauline rachel rebecca rose ruth sally samantha sandra sarah sharon shirley sophie
    stephanie sue susan tessa theresa tracey tracy valerie vanessa victoria wendy yvonne zoe vera
    elena svetlana anastasia natalia olga irina tatiana daniela monica martina
    abigail agnes alexandra alison alyson amelia angelina anita annette antonia audrey beatrice
    belinda bernadette beth bethany bridget caitlin camilla carla carmen carolyn cassandra cecilia
    celia charlene christina cindy clara claudia colette connie cynthia daisy danielle davina
    debbie deborah debra delia denise dianne dolores doreen edith eileen eleanor elisa elise
    eliza ella eloise elsie eva eve evelyn felicity gail geraldine gina gwen gwyneth harriet
    helena hermione hillary holly imogen ingrid isabel isabella isabelle jade janice jasmine
    jeanette jeanne jemima jenny jo joanne jodie josie julianne juliet justine
    kara kathryn katie katrina kayleigh keira kirsty kylie leah lena leonie lillian lily lorna
    lorraine lydia lynn lynne madeleine maggie mandy marcia margot marian marianne
    marilyn marion marjorie marsha martha maureen maxine megan melissa meryl mia millie miranda
    molly naomi natasha nell nicole nina nora paige patsy penelope penny philippa phoebe polly
    priscilla rachael rebekah rena rhiannon rita roberta rosalind rosemary rosie roxanne sabrina
    sadie selina serena sheila sian sinead sonia stella suzanne sylvia tamsin tania tanya teresa
    tina toni ursula vicky viola violet virginie vivienne yolanda
    amelie anais brigitte celine chantal christelle delphine dominique elodie
    emmanuelle genevieve helene isabelle juliette laetitia marine mathilde monique nathalie
    sandrine simone sylvie veronique
    anja birgit claudia gabriele gisela greta heidi helga ilse inge jutta katrin petra sabine
    steffi ulrike ute
    anneke femke ilse marieke
    agneta annika astrid birgitta britt ingrid karin kirsten liv maja pernilla sigrid solveig
    alessandra antonella chiara donatella elisabetta federica francesca giovanna giulia
    lucia paola raffaella roberta silvia valentina
    ana beatriz cristina dolores esther inmaculada isabel lourdes luisa mercedes pilar rocio
    sara soledad
    ekaterina galina ludmila lyudmila marina nadezhda oksana tatyana yelena yulia agnieszka
    magdalena katarzyna malgorzata
    katerina eleni carolina
""".split())
